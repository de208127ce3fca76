"""What mandates shows on a forum's pages (see forums.panels): what the rules say of the
forum today, the composition check (R5), the members in force, and the member exports for
the secretariat."""

from forums.panels import ACTIONS, MEMBER, PUBLIC, SECTIONS, Panel, register_panel, viewer

from . import rules
from .composition import composition_for_forum
from .selectors import forum_members


@register_panel(MEMBER, slot=ACTIONS, order=10)
def member_exports_panel(request, forum):
    if not viewer(request, forum).is_secretariat:
        return None
    return Panel("mandates/panels/member_exports.html")


@register_panel(MEMBER, slot=SECTIONS, order=5)
def rule_findings_panel(request, forum):
    """Every forum rule of the registry (the chair's rotation, the meeting frequency and the
    rest) on the forum as it stands today, not as it stood at the last save: a fixed number
    of queries. Nothing is shown while no rule has anything to say."""
    if not viewer(request, forum).sees_members:
        return None
    findings = rules.forum_findings(rules.load_state(forum))
    if not findings:
        return None
    return Panel("mandates/panels/findings.html", {"findings": findings})


@register_panel(MEMBER, slot=SECTIONS, order=10)
def composition_panel(request, forum):
    """Seats against the mandates that hold them: three queries."""
    standing = viewer(request, forum)
    if not standing.sees_members:
        return None
    return Panel(
        "mandates/panels/composition.html",
        {
            "composition": composition_for_forum(forum),
            "is_secretariat": standing.is_secretariat,
        },
    )


@register_panel(MEMBER, slot=SECTIONS, order=20)
def members_panel(request, forum):
    """The mandates in force: with full contact details for the forum's members and its
    secretariat; for anyone else who sees the forum (it is public) the public page's list,
    so that being logged in never shows less than the public page. One query."""
    if not viewer(request, forum).sees_members:
        return public_members_panel(request, forum)
    return Panel("mandates/panels/members.html", {"members": list(forum_members(forum=forum))})


@register_panel(PUBLIC, slot=SECTIONS, order=10)
def public_members_panel(request, forum):
    """The members in force with only the contact details each agreed to publish."""
    if not forum.is_public:
        return None
    return Panel(
        "mandates/panels/public_members.html", {"members": list(forum_members(forum=forum))}
    )
