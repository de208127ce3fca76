"""Forms of the priority areas and action plans; each lists the fields its service may change
(the services hold the lists) and only parses: the service validates and saves."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from escalation.models import Case
from kernel.forms import BoundedFieldsMixin
from meetings.models import Decision

from .models import Activity, PriorityArea
from .selectors_plans import coming_meetings_of
from .services.plans import (
    ACTIVITY_FIELDS,
    ACTIVITY_LINKS,
    FOLLOW_UP_FIELDS,
    LINK_CHOICES,
    organisations_for,
    owners_for,
)
from .services.priorities import PRIORITY_AREA_FIELDS, YEARS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class YearForm(BoundedFieldsMixin, forms.Form):
    """A new priority set or action plan: its year and an introduction."""

    year = forms.IntegerField(label=_("Year"), min_value=YEARS.start, max_value=YEARS.stop - 1)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class IntroductionForm(BoundedFieldsMixin, forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PriorityAreaForm(BoundedFieldsMixin, forms.ModelForm):
    class Meta:
        model = PriorityArea
        fields = PRIORITY_AREA_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        pass


class PriorityAreaLinksForm(BoundedFieldsMixin, forms.Form):
    """The cases and decisions of the structure that serve an adopted area."""

    cases = forms.ModelMultipleChoiceField(
        label=_("Cases"), queryset=Case.objects.none(), required=False
    )
    decisions = forms.ModelMultipleChoiceField(
        label=_("Decisions"), queryset=Decision.objects.none(), required=False
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        structure_id = area.priority_set.forum.structure_id
        self.fields["cases"].queryset = Case.objects.filter(
            current_forum__structure_id=structure_id
        ).order_by("-reference")
        self.fields["decisions"].queryset = (
            Decision.objects.filter(
                agenda_item__meeting__forum__structure_id=structure_id,
                outcome=Decision.Outcome.DECIDED,
            )
            .select_related("agenda_item__meeting__forum")
            .order_by("-agenda_item__meeting__starts_at", "id")
        )
        self.fields["decisions"].label_from_instance = lambda d: (
            f"{d.agenda_item.meeting.forum}, {d.agenda_item.meeting.starts_at:%Y-%m-%d}: "
            f"{d.agenda_item.title}"
        )
        if not self.is_bound:
            self.initial = {
                "cases": [c.pk for c in area.cases.all()],
                "decisions": [d.pk for d in area.decisions.all()],
            }


class MeetingChoiceForm(BoundedFieldsMixin, forms.Form):
    """Which coming meeting of the forum decides the draft."""

    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None)

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = coming_meetings_of(forum)
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{timezone.localtime(m.starts_at):%Y-%m-%d %H:%M} {m.title}".strip()
        )


class ActivityForm(BoundedFieldsMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ACTIVITY_FIELDS + ACTIVITY_LINKS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "assignment_items": forms.CheckboxSelectMultiple(),
            "priority_areas": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners_for(plan.forum)
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["owner_organisation"].queryset = organisations_for(plan.forum)
        for name in ACTIVITY_LINKS:
            self.fields[name].queryset = LINK_CHOICES[name](plan)
        self.fields["action_items"].label_from_instance = lambda a: (
            f"{a.title} ({timezone.localtime(a.meeting.starts_at):%Y-%m-%d})"
        )
        self.fields["cases"].label_from_instance = lambda c: f"{c.reference} {c.title}"

    def _post_clean(self):
        pass


class FollowUpForm(BoundedFieldsMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = FOLLOW_UP_FIELDS
        widgets = {"status_note": forms.Textarea(attrs={"rows": 3})}
        labels = {"status": _("New status")}

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, initial={"status": activity.status}, **kwargs)
        allowed = {activity.status} | set(activity.TRANSITIONS[Activity.Status(activity.status)])
        self.fields["status"].choices = [
            (value, label) for value, label in Activity.Status.choices if value in allowed
        ]

    def _post_clean(self):
        pass
