"""The wind-down page's forms: what happens to one case, and why a meeting is cancelled."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from escalation.services.winding_down import can_close_on_wind_down, can_move_on_wind_down

from .services import CLOSE, KEEP, MOVE

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_VERSION = 2**31 - 1


def wound_down_note(forum):
    """The reason the forms suggest: the forum is wound down on its day."""
    if forum.active_to is None:
        return ""
    return _("%(forum)s is wound down on %(day)s.") % {
        "forum": forum.name,
        "day": date_format(forum.active_to, "DATE_FORMAT"),
    }


class CaseWindDownForm(forms.Form):
    action = forms.ChoiceField(label=_("What happens to the case"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed to move or close the case; it is kept in the case's history."),
    )
    until = forms.DateField(
        label=_("Kept until"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Only when the case is kept: the day by which the forum finishes it."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_VERSION)

    def __init__(self, *args, case, **kwargs):
        kwargs.setdefault(
            "initial", {"version": case.version, "reason": wound_down_note(case.current_forum)}
        )
        super().__init__(*args, **kwargs)
        choices = []
        target = case.current_forum.escalates_to
        if can_move_on_wind_down(case):
            choices.append((MOVE, _("Move it to %(forum)s") % {"forum": target.name}))
        if can_close_on_wind_down(case):
            if case.can_become(case.Status.REMOVED):
                label = _("Close it without a decision (removed)")
            else:
                label = _("Close it")
            choices.append((CLOSE, label))
        choices.append((KEEP, _("Keep it at this forum until a day, to be finished here")))
        self.fields["action"].choices = choices

    def service_data(self):
        data = self.cleaned_data
        return {
            "action": data["action"],
            "reason": data["reason"],
            "until": data["until"],
            "expected_version": data["version"],
        }


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The members are told, with this reason."),
    )

    def __init__(self, *args, forum, **kwargs):
        kwargs.setdefault("initial", {"reason": wound_down_note(forum)})
        super().__init__(*args, **kwargs)
