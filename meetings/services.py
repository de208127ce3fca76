"""Every write to meetings: planning, agenda, notices, attendance, decisions, minutes (R12-R15).

Each service is `@transaction.atomic`, checks the actor's permission first, locks the row it
changes (the meeting, or the minutes) with select_for_update, validates against the models'
TRANSITIONS, saves through `save_with_history` and starts e-mails and notifications only
after the commit. A decision taken at a meeting moves its case through the escalation
services with `authorised_by_decision`, so the case's followers hear of it.

Minutes are locked once approved: every write to minutes (and to what they record:
attendance and decisions) locks the minutes row first and refuses approved minutes.
"""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from escalation import services as escalation
from escalation.models import Case
from forums.models import Forum
from kernel.errors import DomainError, InvalidTransition
from kernel.history import save_with_history
from kernel.services import notification_create
from mandates.models import Mandate
from mandates.permissions import mandates_in_force

from . import approval
from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CalendarToken,
    Decision,
    Meeting,
    Minutes,
    MinutesApproval,
)
from .permissions import can_run_meetings, can_see_meetings, is_chair

Outcome = Decision.Outcome


# --- Helpers ---------------------------------------------------------------------------------


def _require_run(actor, forum):
    if not can_run_meetings(actor, forum):
        raise PermissionDenied


def _lock_meeting(meeting):
    return Meeting.objects.select_for_update().select_related("forum__structure").get(pk=meeting.pk)


def _meeting_transition(locked, status):
    if not locked.can_become(status):
        raise InvalidTransition(
            _("A meeting that is “%(status)s” cannot become “%(target)s”.")
            % {"status": locked.get_status_display(), "target": Meeting.Status(status).label}
        )


def _refuse_if_minutes_approved(meeting):
    """What approved minutes record (attendance, decisions) cannot change any more."""
    main = Minutes.objects.select_for_update().filter(meeting=meeting, amends__isnull=True).first()
    if main is not None and main.is_locked:
        raise DomainError(
            _("The minutes of this meeting are approved and locked: write an addendum instead.")
        )


def _send_notice(meeting, kind):
    from .tasks import meeting_notice_send

    meeting_notice_send.delay_on_commit(meeting.pk, kind)


def _validate_times(starts_at, ends_at):
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("The meeting must end after it starts.")]})


# --- Planning --------------------------------------------------------------------------------


@transaction.atomic
def meeting_plan(
    *,
    actor,
    forum,
    starts_at,
    ends_at,
    kind=Meeting.Kind.ORDINARY,
    title="",
    location="",
    online_link="",
):
    """Plan a meeting. The secretariat and the forum's leaders plan ordinary meetings; an
    extra meeting is called by the chair (R12)."""
    _require_run(actor, forum)
    _validate_times(starts_at, ends_at)
    called_by = None
    if kind == Meeting.Kind.EXTRA:
        if not is_chair(actor, forum):
            raise ValidationError(
                {
                    "kind": [
                        _("Only the chair of %(forum)s calls extra meetings (R12).")
                        % {"forum": forum}
                    ]
                }
            )
        called_by = actor
    if forum.active_to and starts_at.date() > forum.active_to:
        raise DomainError(_("%(forum)s is wound down.") % {"forum": forum})
    meeting = Meeting(
        forum=forum,
        kind=kind,
        title=(title or "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        location=(location or "").strip(),
        online_link=online_link or "",
        called_by=called_by,
    )
    return save_with_history(meeting, actor=actor, reason="planned")


@transaction.atomic
def meeting_update(*, actor, meeting, **fields):
    """Change time, place, link or title. A convened meeting's calendar event is updated
    (SEQUENCE grows) and the members get the changed notice."""
    _require_run(actor, meeting.forum)
    locked = _lock_meeting(meeting)
    if locked.status not in (Meeting.Status.PLANNED, Meeting.Status.CONVENED):
        raise DomainError(_("A held or cancelled meeting cannot be changed."))
    allowed = {"title", "starts_at", "ends_at", "location", "online_link"}
    changed = False
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed = True
    _validate_times(locked.starts_at, locked.ends_at)
    if not changed:
        return locked
    locked.ical_sequence += 1
    save_with_history(locked, actor=actor, reason="changed")
    if locked.status == Meeting.Status.CONVENED:
        _send_notice(locked, "changed")
    return locked


@transaction.atomic
def meeting_convene(*, actor, meeting):
    """Planned -> convened: every member and deputy gets the notice with the agenda and .ics."""
    _require_run(actor, meeting.forum)
    locked = _lock_meeting(meeting)
    _meeting_transition(locked, Meeting.Status.CONVENED)
    locked.status = Meeting.Status.CONVENED
    save_with_history(locked, actor=actor, reason="convened")
    _send_notice(locked, "convened")
    return locked


@transaction.atomic
def meeting_mark_held(*, actor, meeting):
    _require_run(actor, meeting.forum)
    locked = _lock_meeting(meeting)
    _meeting_transition(locked, Meeting.Status.HELD)
    locked.status = Meeting.Status.HELD
    return save_with_history(locked, actor=actor, reason="held")


@transaction.atomic
def meeting_cancel(*, actor, meeting, reason):
    """Cancel, keeping the record. The calendar event is cancelled (STATUS:CANCELLED, SEQUENCE
    grows); cases on the agenda go back to preparation."""
    _require_run(actor, meeting.forum)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the meeting is cancelled.")]})
    locked = _lock_meeting(meeting)
    _meeting_transition(locked, Meeting.Status.CANCELLED)
    was_convened = locked.status == Meeting.Status.CONVENED
    locked.status = Meeting.Status.CANCELLED
    locked.cancelled_reason = reason
    locked.ical_sequence += 1
    save_with_history(locked, actor=actor, reason="cancelled")
    for item in locked.agenda_items.select_related("case"):
        _release_case(actor, item, _("The meeting was cancelled: %(reason)s") % {"reason": reason})
    if was_convened:
        _send_notice(locked, "cancelled")
    return locked


# --- Agenda ----------------------------------------------------------------------------------


def _check_case_for(meeting, case):
    if case.current_forum_id != meeting.forum_id:
        raise ValidationError(
            {
                "case": [
                    _("Only a case now at %(forum)s can be put on its agenda.")
                    % {"forum": meeting.forum}
                ]
            }
        )
    if not case.can_become(Case.Status.SCHEDULED):
        raise ValidationError(
            {
                "case": [
                    _("A case that is “%(status)s” is not ready for a meeting: prepare it first.")
                    % {"status": case.get_status_display()}
                ]
            }
        )


def _release_case(actor, item, note):
    """A scheduled case taken off an agenda goes back to preparation."""
    case = item.case
    if case is not None and case.status == Case.Status.SCHEDULED:
        if not Decision.objects.filter(agenda_item=item).exists():
            escalation.case_start_preparation(actor=actor, case=case, note=note)


@transaction.atomic
def agenda_item_add(
    *,
    actor,
    meeting,
    title,
    kind=AgendaItem.Kind.INFORMATION,
    description="",
    case=None,
    co_opted=(),
):
    """Add an item at the end of the agenda. A case must be at this forum and ready (in
    preparation); it becomes scheduled. Co-opted people join for this item only (R7)."""
    _require_run(actor, meeting.forum)
    locked = _lock_meeting(meeting)
    if not locked.is_open_for_agenda:
        raise DomainError(_("The agenda of a held or cancelled meeting cannot change."))
    title = (title or "").strip()
    if not title and case is not None:
        title = case.title
    if not title:
        raise ValidationError({"title": [_("Give the item a title.")]})
    if case is not None:
        _check_case_for(locked, case)
        if kind != AgendaItem.Kind.DECISION and kind != AgendaItem.Kind.DISCUSSION:
            kind = AgendaItem.Kind.DECISION
    last = locked.agenda_items.aggregate(last=Max("order"))["last"]
    item = AgendaItem(
        meeting=locked,
        order=(last or 0) + 1,
        title=title,
        kind=kind,
        description=(description or "").strip(),
        case=case,
    )
    save_with_history(item, actor=actor, reason="added to agenda")
    if co_opted:
        item.co_opted.set(co_opted)
    if case is not None:
        escalation.case_schedule(
            actor=actor, case=case, note=_("On the agenda of %(meeting)s") % {"meeting": locked}
        )
    return item


@transaction.atomic
def agenda_item_remove(*, actor, item):
    meeting = _lock_meeting(item.meeting)
    _require_run(actor, meeting.forum)
    if not meeting.is_open_for_agenda:
        raise DomainError(_("The agenda of a held or cancelled meeting cannot change."))
    item = AgendaItem.objects.select_related("case").get(pk=item.pk)
    _release_case(actor, item, _("Taken off the agenda of %(meeting)s") % {"meeting": meeting})
    item._history_user = actor
    item._change_reason = "removed from agenda"
    item.delete()
    _renumber(actor, meeting, list(meeting.agenda_items.order_by("order", "id")))
    return meeting


def _renumber(actor, meeting, items):
    for number, item in enumerate(items, start=1):
        if item.order != number:
            item.order = number
            save_with_history(item, actor=actor, reason="reordered", update_fields=["order"])
    return items


@transaction.atomic
def agenda_item_move(*, actor, item, direction):
    """Move an item one step up or down; the meeting row is locked so moves never collide."""
    meeting = _lock_meeting(item.meeting)
    _require_run(actor, meeting.forum)
    if not meeting.is_open_for_agenda:
        raise DomainError(_("The agenda of a held or cancelled meeting cannot change."))
    if direction not in ("up", "down"):
        raise ValidationError({"direction": [_("Move an item up or down.")]})
    items = list(meeting.agenda_items.order_by("order", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    _renumber(actor, meeting, items)
    return meeting


# --- Attendance ------------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, actor, meeting, person, status, stands_in_for=None):
    """Present, absent, or a deputy attending for a named member."""
    locked = _lock_meeting(meeting)
    _require_run(actor, locked.forum)
    if not locked.is_open_for_record:
        raise DomainError(_("Attendance is recorded for a convened or held meeting."))
    _refuse_if_minutes_approved(locked)
    if status not in Attendance.Status.values:
        raise ValidationError({"status": [_("Choose present, absent or deputy attending.")]})
    mandates = list(
        mandates_in_force(on=timezone.localdate(locked.starts_at)).filter(
            forum=locked.forum, person=person
        )
    )
    if not mandates:
        raise ValidationError(
            {
                "person": [
                    _("%(person)s has no mandate in %(forum)s.")
                    % {"person": person, "forum": locked.forum}
                ]
            }
        )
    mandate = mandates[0]
    if status == Attendance.Status.DEPUTY:
        deputy = next((m for m in mandates if m.role == Mandate.Role.DEPUTY), None)
        if deputy is None:
            raise ValidationError({"status": [_("Only a deputy attends for a member.")]})
        mandate = deputy
        if stands_in_for is None:
            raise ValidationError(
                {"stands_in_for": [_("Name the member the deputy stands in for.")]}
            )
        member = mandates_in_force(on=timezone.localdate(locked.starts_at)).filter(
            forum=locked.forum, person=stands_in_for, role__in=Mandate.SEAT_ROLES
        )
        if not member.exists():
            raise ValidationError(
                {
                    "stands_in_for": [
                        _("%(person)s is not a member of the forum.") % {"person": stands_in_for}
                    ]
                }
            )
        if deputy.deputy_for_id and deputy.deputy_for.person_id != stands_in_for.pk:
            raise ValidationError(
                {
                    "stands_in_for": [
                        _("%(person)s is deputy for %(member)s.")
                        % {"person": person, "member": deputy.deputy_for.person}
                    ]
                }
            )
    else:
        stands_in_for = None
    attendance = Attendance.objects.filter(meeting=locked, person=person).first() or Attendance(
        meeting=locked, person=person
    )
    attendance.mandate = mandate
    attendance.status = status
    attendance.stands_in_for = stands_in_for
    return save_with_history(attendance, actor=actor, reason="attendance")


# --- Decisions -------------------------------------------------------------------------------

CONSENSUS_OUTCOMES = (Outcome.DECIDED, Outcome.REFERRED_BACK, Outcome.REMOVED, Outcome.ESCALATED)


@transaction.atomic
def decision_record(
    *,
    actor,
    item,
    outcome,
    text="",
    consensus=None,
    votes_for=None,
    votes_against=None,
    votes_abstaining=None,
):
    """Record the outcome of a decision item and move its case (R14).

    Consensus forums: decided (consensus required; the joint position's text), referred back,
    removed or escalated. Majority forums: votes for, against and abstaining. In a
    partnership a decision is a joint position that binds no party.
    """
    meeting = _lock_meeting(item.meeting)
    forum = meeting.forum
    _require_run(actor, forum)
    if not meeting.is_open_for_record:
        raise DomainError(_("Decisions are recorded at a convened or held meeting."))
    _refuse_if_minutes_approved(meeting)
    item = AgendaItem.objects.select_related("case").get(pk=item.pk)
    if item.kind != AgendaItem.Kind.DECISION:
        raise DomainError(_("Only a decision item gets a decision."))
    if Decision.objects.filter(agenda_item=item).exists():
        raise DomainError(_("This item already has a decision."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose an outcome.")]})
    text = (text or "").strip()
    decision = Decision(agenda_item=item, outcome=outcome, text=text, recorded_by=actor)
    if forum.decision_rule == Forum.DecisionRule.CONSENSUS:
        if outcome not in CONSENSUS_OUTCOMES:
            raise ValidationError(
                {"outcome": [_("A consensus forum decides, refers back, removes or escalates.")]}
            )
        if outcome == Outcome.DECIDED and not consensus:
            raise DomainError(
                _(
                    "Without consensus the case cannot be decided (R14): refer it back for new "
                    "preparation, remove it, or escalate it."
                )
            )
        decision.consensus = outcome == Outcome.DECIDED
    else:
        if outcome == Outcome.DECIDED:
            if votes_for is None or votes_against is None:
                raise ValidationError(
                    {"votes_for": [_("Record the votes for, against and abstaining.")]}
                )
            if votes_for <= votes_against:
                raise ValidationError(
                    {"votes_for": [_("Without a majority for it, the proposal is not decided.")]}
                )
        decision.votes_for = votes_for
        decision.votes_against = votes_against
        decision.votes_abstaining = votes_abstaining
    if outcome == Outcome.DECIDED and not text:
        raise ValidationError({"text": [_("Write what was decided.")]})
    if outcome in (Outcome.REFERRED_BACK, Outcome.REMOVED, Outcome.ESCALATED) and not text:
        raise ValidationError({"text": [_("Say why.")]})
    if outcome == Outcome.ESCALATED and (item.case is None or not forum.escalates_to_id):
        raise DomainError(_("Only a case in a forum with a forum above it can be escalated."))
    decision.is_joint_position = forum.structure.is_partnership and outcome == Outcome.DECIDED
    save_with_history(decision, actor=actor, reason=f"decision:{outcome}")
    case = item.case
    if case is not None:
        by = decision
        if outcome == Outcome.DECIDED:
            escalation.case_decide(actor=actor, case=case, outcome=text, authorised_by_decision=by)
        elif outcome == Outcome.REFERRED_BACK:
            escalation.case_refer_back(
                actor=actor, case=case, reason=text, authorised_by_decision=by
            )
        elif outcome == Outcome.REMOVED:
            escalation.case_remove(actor=actor, case=case, reason=text, authorised_by_decision=by)
        elif outcome == Outcome.ESCALATED:
            escalation.case_escalate(actor=actor, case=case, reason=text, authorised_by_decision=by)
    return decision


# --- Minutes ---------------------------------------------------------------------------------


def _lock_minutes(minutes):
    return Minutes.objects.select_for_update().get(pk=minutes.pk)


def _refuse_locked(locked):
    if locked.is_locked:
        raise DomainError(
            _(
                "Approved minutes are locked: a correction is made in an addendum "
                "with its own approval."
            )
        )


def minutes_first_draft(meeting):
    """The generated first draft: attendance, then each agenda item with its decision."""
    lines = [str(meeting), f"{timezone.localtime(meeting.starts_at):%Y-%m-%d %H:%M}", ""]
    attendances = list(meeting.attendances.select_related("person", "stands_in_for"))
    if attendances:
        lines.append(_("Attendance"))
        for attendance in attendances:
            line = f"- {attendance.person}: {attendance.get_status_display()}"
            if attendance.stands_in_for:
                line += " " + _("(for %(member)s)") % {"member": attendance.stands_in_for}
            lines.append(line)
        lines.append("")
    lines.append(_("Agenda"))
    items = meeting.agenda_items.select_related("case", "decision").order_by("order", "id")
    for item in items:
        heading = f"{item.order}. {item.title}"
        if item.case:
            heading += f" ({item.case.reference})"
        lines.append(heading)
        decision = getattr(item, "decision", None)
        if decision is not None:
            text = f"   {decision.get_outcome_display()}"
            if decision.text:
                text += f": {decision.text}"
            if decision.is_joint_position:
                text += " " + _("(joint position; binds no party)")
            lines.append(text)
    return "\n".join(lines) + "\n"


@transaction.atomic
def minutes_draft(*, actor, meeting, amends=None, body=None):
    """The secretary drafts the minutes of a held meeting (generated first draft), or an
    addendum correcting approved minutes."""
    locked_meeting = _lock_meeting(meeting)
    _require_run(actor, locked_meeting.forum)
    if locked_meeting.status != Meeting.Status.HELD:
        raise DomainError(_("Minutes are written for a held meeting: mark it held first."))
    if amends is None:
        if Minutes.objects.filter(meeting=locked_meeting, amends__isnull=True).exists():
            raise DomainError(_("The meeting already has minutes."))
        text = minutes_first_draft(locked_meeting) if body is None else body
    else:
        amends = _lock_minutes(amends)
        if amends.meeting_id != locked_meeting.pk or not amends.is_locked:
            raise DomainError(_("An addendum corrects approved minutes of the same meeting."))
        text = body or ""
    minutes = Minutes(meeting=locked_meeting, amends=amends, body=text, author=actor)
    return save_with_history(minutes, actor=actor, reason="addendum" if amends else "drafted")


@transaction.atomic
def minutes_update(*, actor, minutes, body):
    locked = _lock_minutes(minutes)
    _require_run(actor, minutes.meeting.forum)
    _refuse_locked(locked)
    if locked.status != Minutes.Status.DRAFT:
        raise DomainError(
            _("Minutes out for approval are changed after taking them back to draft.")
        )
    locked.body = body
    return save_with_history(locked, actor=actor, reason="edited")


def _notify_approvers(minutes, actor, *, reminder=False):
    state = approval.approval_state(minutes)
    stamp = int(minutes.submitted_at.timestamp()) if minutes.submitted_at else 0
    for person in approval.possible_approvers(minutes, state):
        if reminder:
            title = _("Reminder: minutes to approve – %(meeting)s") % {"meeting": minutes.meeting}
            key = f"minutes:{minutes.pk}:reminder:{stamp}"
        else:
            title = _("Minutes to approve – %(meeting)s") % {"meeting": minutes.meeting}
            key = f"minutes:{minutes.pk}:approve:{stamp}"
        notification_create(
            actor=actor,
            recipient=person,
            title=title,
            body=_("Please read and approve the minutes: %(link)s")
            % {"link": minutes.get_absolute_url()},
            link=minutes.get_absolute_url(),
            dedup_key=key,
        )


@transaction.atomic
def minutes_submit(*, actor, minutes):
    """Draft -> in approval; those who can approve get an e-mail and an in-app task."""
    locked = _lock_minutes(minutes)
    _require_run(actor, minutes.meeting.forum)
    _refuse_locked(locked)
    if not locked.can_become(Minutes.Status.IN_APPROVAL):
        raise InvalidTransition(_("Only draft minutes are sent for approval."))
    if not locked.body.strip():
        raise ValidationError({"body": [_("Write the minutes first.")]})
    locked.status = Minutes.Status.IN_APPROVAL
    locked.submitted_at = timezone.now()
    save_with_history(locked, actor=actor, reason="sent for approval")
    _notify_approvers(locked, actor)
    return locked


@transaction.atomic
def minutes_return_to_draft(*, actor, minutes):
    """Take minutes in approval back to draft; approvals given so far no longer count."""
    locked = _lock_minutes(minutes)
    _require_run(actor, minutes.meeting.forum)
    _refuse_locked(locked)
    if not locked.can_become(Minutes.Status.DRAFT):
        raise InvalidTransition(_("Only minutes in approval go back to draft."))
    for given in MinutesApproval.objects.filter(minutes=locked):
        given._history_user = actor
        given._change_reason = "minutes returned to draft"
        given.delete()
    locked.status = Minutes.Status.DRAFT
    locked.submitted_at = None
    return save_with_history(locked, actor=actor, reason="returned to draft")


@transaction.atomic
def minutes_approve(*, actor, minutes):
    """Approve in the role the actor fits (R15). The minutes row is locked first, so two
    approvers at the same moment are applied one after the other and neither is lost; the
    last approval the rule needs approves and locks the minutes."""
    locked = _lock_minutes(minutes)
    locked = Minutes.objects.select_related("meeting__forum__structure").get(pk=locked.pk)
    if not can_see_meetings(actor, locked.meeting.forum):
        raise PermissionDenied
    _refuse_locked(locked)
    if locked.status != Minutes.Status.IN_APPROVAL:
        raise DomainError(_("These minutes are not out for approval."))
    state = approval.approval_state(locked)
    try:
        role = approval.approver_role(minutes=locked, person=actor, state=state)
    except approval.ApproverRefused as refused:
        raise DomainError(str(refused)) from refused
    given = MinutesApproval(minutes=locked, person=actor, role=role, approved_at=timezone.now())
    save_with_history(given, actor=actor, reason=f"approved as {role}")
    if len(state.missing) == 1:
        locked.status = Minutes.Status.APPROVED
        locked.approved_at = timezone.now()
        save_with_history(locked, actor=actor, reason="approved")
    minutes.status, minutes.approved_at = locked.status, locked.approved_at
    return locked


# --- Action items ----------------------------------------------------------------------------


@transaction.atomic
def action_item_create(*, actor, meeting, title, assignee, due_date, agenda_item=None):
    locked = _lock_meeting(meeting)
    _require_run(actor, locked.forum)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Say what is to be done.")]})
    if agenda_item is not None and agenda_item.meeting_id != locked.pk:
        raise ValidationError({"agenda_item": [_("Choose an item of this meeting.")]})
    item = ActionItem(
        meeting=locked, agenda_item=agenda_item, title=title, assignee=assignee, due_date=due_date
    )
    save_with_history(item, actor=actor, reason="action item")
    notification_create(
        actor=actor,
        recipient=assignee,
        title=_("Action item for you: %(title)s") % {"title": title},
        body=_("By %(date)s, from %(meeting)s.") % {"date": due_date, "meeting": locked},
        link=locked.get_absolute_url(),
        dedup_key=f"action-item:{item.pk}:assigned",
    )
    return item


@transaction.atomic
def action_item_complete(*, actor, item):
    locked = ActionItem.objects.select_for_update().get(pk=item.pk)
    if locked.assignee_id != actor.pk and not can_run_meetings(actor, item.meeting.forum):
        raise PermissionDenied
    if locked.status != ActionItem.Status.OPEN:
        raise InvalidTransition(_("Only an open action item is marked done."))
    locked.status = ActionItem.Status.DONE
    locked.completed_at = timezone.now()
    return save_with_history(locked, actor=actor, reason="done")


# --- Calendar feeds --------------------------------------------------------------------------


@transaction.atomic
def calendar_token_rotate(*, actor, forum=None):
    """Give the actor a new secret feed address (all their forums, or one forum); the old
    address stops working at once."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if forum is not None and not can_see_meetings(actor, forum):
        raise PermissionDenied
    now = timezone.now()
    for old in CalendarToken.objects.select_for_update().filter(
        person=actor, forum=forum, revoked_at__isnull=True
    ):
        old.revoked_at = now
        save_with_history(old, actor=actor, reason="rotated")
    token = CalendarToken(person=actor, forum=forum, token=secrets.token_urlsafe(32))
    return save_with_history(token, actor=actor, reason="created")


@transaction.atomic
def calendar_token_revoke(*, actor, token):
    locked = CalendarToken.objects.select_for_update().get(pk=token.pk)
    if locked.person_id != actor.pk:
        raise PermissionDenied
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        save_with_history(locked, actor=actor, reason="revoked")
    return locked


# --- Reminders (Celery beat) -----------------------------------------------------------------

APPROVAL_REMINDER_AFTER = datetime.timedelta(days=7)


def minutes_approval_remind(*, actor, minutes_id):
    """Remind those who can still approve; once per submission (dedup key)."""
    with transaction.atomic():
        minutes = Minutes.objects.select_related("meeting__forum__structure").get(pk=minutes_id)
        if minutes.status != Minutes.Status.IN_APPROVAL:
            return minutes
        if minutes.submitted_at > timezone.now() - APPROVAL_REMINDER_AFTER:
            return minutes
        _notify_approvers(minutes, actor, reminder=True)
        return minutes


def action_item_remind(*, actor, item_id, days_ahead=3):
    with transaction.atomic():
        item = ActionItem.objects.select_related("meeting__forum").get(pk=item_id)
        if item.status != ActionItem.Status.OPEN:
            return item
        if item.due_date > timezone.localdate() + datetime.timedelta(days=days_ahead):
            return item
        notification_create(
            actor=actor,
            recipient=item.assignee,
            title=_("Reminder: %(title)s by %(date)s")
            % {"title": item.title, "date": item.due_date},
            body=str(item.meeting),
            link=item.meeting.get_absolute_url(),
            dedup_key=f"action-item:{item.pk}:reminder:{item.due_date}",
        )
        return item
