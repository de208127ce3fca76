"""Who may see and run a forum's meetings.

- See meetings, agendas, attendance, decisions and minutes: the forum's members (view_forum)
  and the structure's secretariat. The public sees only approved minutes of public forums.
- Plan meetings, build agendas, record attendance and decisions, draft minutes: the
  secretariat (manage_structure) and the forum's leaders (lead_forum: chair, vice chair,
  secretary).
- Call an extra meeting (R12): the chair.
"""

from forums.permissions import LEAD_FORUM, VIEW_FORUM, can_manage_structure, can_view_forum
from mandates.models import Mandate
from mandates.permissions import mandates_in_force


def can_see_meetings(user, forum):
    return user.is_authenticated and (
        user.has_perm(VIEW_FORUM, forum) or can_manage_structure(user, forum.structure)
    )


def can_run_meetings(user, forum):
    return user.is_authenticated and (
        user.has_perm(LEAD_FORUM, forum) or can_manage_structure(user, forum.structure)
    )


def is_chair(user, forum):
    return (
        user.is_authenticated
        and mandates_in_force().filter(person=user, forum=forum, role=Mandate.Role.CHAIR).exists()
    )


def can_see_approved_minutes(user, forum):
    """Approved minutes (and their PDF): whoever may see the forum; anyone if it is public."""
    return can_view_forum(user, forum)
