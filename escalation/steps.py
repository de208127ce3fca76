"""The steps a person can take on a case: each with its form, its service, the status it
leads to, and the action (permissions.py) it needs. The case page offers the steps that are
possible now and allowed to the user; the step page runs one."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from forums.models import Forum
from forums.permissions import can_manage_structure

from . import services
from .forms import (
    DecideForm,
    FeedbackForm,
    NoteForm,
    PrepareForm,
    ReasonForm,
    ScheduleForm,
)
from .models import Case
from .permissions import ESCALATE, HANDLE, leads_forum

Status = Case.Status


@dataclass(frozen=True)
class Step:
    """One step a person can take on a case, with its form and its service."""

    slug: str
    label: Promise
    title: Promise
    explanation: Promise
    form: type
    service: object
    target: str
    escalation: bool = False  # only the forum's leaders (not the secretariat) may escalate
    button_class: str = "btn-outline-primary"

    def possible(self, case):
        """Does the case's state allow this step (whoever asks)?"""
        if not case.can_become(self.target):
            return False
        if self.escalation:
            forum = case.current_forum
            return forum.tier != Forum.Tier.STRATEGIC and forum.escalates_to_id is not None
        if self.slug == "aterkoppla":
            return case.is_escalated
        if self.slug == "stang":
            return case.status == Status.DECIDED and not case.is_escalated
        if self.slug == "kvittera":
            return case.status == Status.FEEDBACK_GIVEN
        return True

    def why_not(self, case):
        """Why the step cannot be taken now, and what to do instead (for the user)."""
        forum = case.current_forum
        names = {"step": self.label, "status": case.get_status_display(), "forum": forum}
        if self.escalation:
            if forum.tier == Forum.Tier.STRATEGIC:  # whatever the status: nothing is above it
                return (
                    gettext(
                        "%(forum)s is on the strategic level, the top tier: there is no forum "
                        "above it to escalate to. The case is decided there, referred back or "
                        "removed."
                    )
                    % names
                )
            if forum.escalates_to_id is None and case.can_become(self.target):
                return (
                    gettext(
                        "%(forum)s has no forum to escalate to yet. Ask the secretariat to "
                        "name one in the forum's settings."
                    )
                    % names
                )
        return (
            gettext(
                "“%(step)s” cannot be done while the case is “%(status)s” at %(forum)s. The "
                "case page shows the steps that can be taken now."
            )
            % names
        )

    @property
    def action(self):
        """The registered action (permissions.py) a person needs for this step."""
        return ESCALATE if self.escalation else HANDLE

    def allowed(self, rights):
        return rights["lead"] if self.escalation else rights["lead"] or rights["secretariat"]

    def call(self, *, actor, case, data):
        version = data.pop("version")
        return self.service(actor=actor, case=case, expected_version=version, **data)


STEPS = [
    Step(
        "forbered",
        gettext_lazy("Start preparing"),
        gettext_lazy("Start preparing %(reference)s"),
        gettext_lazy("The chair, vice chair or secretary prepares the case with the secretariat."),
        PrepareForm,
        services.case_start_preparation,
        Status.IN_PREPARATION,
    ),
    Step(
        "dagordning",
        gettext_lazy("Put on an agenda"),
        gettext_lazy("Put %(reference)s on an agenda"),
        gettext_lazy("The case is put on the agenda of a meeting of the forum."),
        ScheduleForm,
        services.case_schedule,
        Status.SCHEDULED,
    ),
    Step(
        "besluta",
        gettext_lazy("Record the decision"),
        gettext_lazy("Record the decision on %(reference)s"),
        gettext_lazy("Record what the forum decided. In a partnership it binds no party."),
        DecideForm,
        services.case_decide,
        Status.DECIDED,
    ),
    Step(
        "aterremittera",
        gettext_lazy("Refer back"),
        gettext_lazy("Refer %(reference)s back"),
        gettext_lazy("No consensus: the case goes back for new preparation."),
        ReasonForm,
        services.case_refer_back,
        Status.REFERRED_BACK,
    ),
    Step(
        "eskalera",
        gettext_lazy("Escalate"),
        gettext_lazy("Escalate %(reference)s"),
        gettext_lazy(
            "The case moves one tier up, to the forum this forum escalates to. "
            "It keeps its origin and waits for preparation there."
        ),
        ReasonForm,
        services.case_escalate,
        Status.ESCALATED,
        escalation=True,
        button_class="btn-primary",
    ),
    Step(
        "aterkoppla",
        gettext_lazy("Give feedback"),
        gettext_lazy("Give feedback on %(reference)s"),
        gettext_lazy(
            "The outcome is reported back to every forum on the case's path, and the case "
            "returns to the forum where it was raised."
        ),
        FeedbackForm,
        services.case_give_feedback,
        Status.FEEDBACK_GIVEN,
    ),
    Step(
        "kvittera",
        gettext_lazy("Acknowledge the feedback"),
        gettext_lazy("Acknowledge the feedback on %(reference)s"),
        gettext_lazy("The forum where the case was raised has taken in the feedback."),
        NoteForm,
        services.case_acknowledge_feedback,
        Status.CLOSED,
    ),
    Step(
        "stang",
        gettext_lazy("Close"),
        gettext_lazy("Close %(reference)s"),
        gettext_lazy("The case was decided here and is closed."),
        NoteForm,
        services.case_close,
        Status.CLOSED,
    ),
    Step(
        "avfor",
        gettext_lazy("Remove"),
        gettext_lazy("Remove %(reference)s"),
        gettext_lazy("No consensus: the case is struck off without a decision."),
        ReasonForm,
        services.case_remove,
        Status.REMOVED,
        button_class="btn-outline-danger",
    ),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def rights_of(user, case):
    return {
        "lead": leads_forum(user, case.current_forum),
        "secretariat": can_manage_structure(user, case.current_forum.structure),
    }


def steps_for(user, case):
    rights = rights_of(user, case)
    return [step for step in STEPS if step.possible(case) and step.allowed(rights)]


def step_form(step, case, data=None):
    kwargs = {"initial": {"version": case.version}}
    if step.form is PrepareForm:
        kwargs["case"] = case
    if step.form is FeedbackForm:
        kwargs["initial"]["feedback"] = case.outcome
    return step.form(data, **kwargs)
