import hashlib

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from escalation.models import Case
from forums.models import Organisation
from kernel.forms import BoundedFieldsMixin
from mandates.models import Mandate
from mandates.permissions import mandates_in_force

from .models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from .services.attendance import deputy_may_stand_in_for
from .services.meetings import PLAN_FIELDS

User = get_user_model()


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MeetingForm(BoundedFieldsMixin, forms.ModelForm):
    online_link = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = PLAN_FIELDS
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["kind"]
        self.fields["host_organisation"].queryset = Organisation.objects.filter(
            archived_at__isnull=True
        ).order_by("name")

    def _post_clean(self):
        # The service validates and saves; the form only parses.
        pass


class CancelForm(BoundedFieldsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AgendaItemForm(BoundedFieldsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=AgendaItem.Kind.choices)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    case = forms.ModelChoiceField(
        label=_("Case"),
        queryset=Case.objects.none(),
        required=False,
        help_text=_("Cases now at this forum and in preparation."),
    )
    co_opted = forms.ModelMultipleChoiceField(
        label=_("Co-opted for this item"),
        queryset=User.objects.filter(is_active=True).order_by("last_name", "first_name"),
        required=False,
        help_text=_("People who join for this item without being members."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = Case.objects.filter(
            current_forum=meeting.forum, status=Case.Status.IN_PREPARATION
        ).order_by("reference")


class AttendanceForm(BoundedFieldsMixin, forms.Form):
    """One row per person with a mandate in force: their attendance."""

    def __init__(self, *args, meeting, existing=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        on = timezone.localdate(meeting.starts_at)
        self.mandates = list(
            mandates_in_force(on=on)
            .filter(forum=meeting.forum)
            .exclude(role__in=(Mandate.Role.CONTACT_PERSON, Mandate.Role.CO_OPTED))
            .select_related("person", "deputy_for__person", "organisation")
            .order_by("person__last_name", "person__first_name", "id")
        )
        seats = [m for m in self.mandates if m.role in Mandate.SEAT_ROLES]
        current = {a.person_id: a for a in existing}
        seen = set()
        self.rows = []
        for mandate in self.mandates:
            person = mandate.person
            if person.pk in seen:
                continue
            seen.add(person.pk)
            choices = [("", "–")] + [
                (value, label)
                for value, label in Attendance.Status.choices
                if value != Attendance.Status.DEPUTY or mandate.role == Mandate.Role.DEPUTY
            ]
            before = current.get(person.pk)
            status_name = f"status_{person.pk}"
            self.fields[status_name] = forms.ChoiceField(
                label=_("Attendance of %(person)s") % {"person": person},
                choices=choices,
                required=False,
                initial=before.status if before else "",
            )
            row = {"person": person, "mandate": mandate, "status": self[status_name]}
            if mandate.role == Mandate.Role.DEPUTY:
                name = f"for_{person.pk}"
                self.fields[name] = forms.ModelChoiceField(
                    label=_("%(person)s stands in for") % {"person": person},
                    # Only the member(s) the deputy's mandate stands in for.
                    queryset=User.objects.filter(
                        pk__in=[m.person_id for m in seats if deputy_may_stand_in_for(mandate, m)]
                    ).order_by("last_name", "first_name"),
                    required=False,
                    initial=(
                        before.stands_in_for_id
                        if before
                        else (mandate.deputy_for.person_id if mandate.deputy_for else None)
                    ),
                )
                row["stands_in_for"] = self[name]
            self.rows.append(row)

    def entries(self):
        for row in self.rows:
            person = row["person"]
            status = self.cleaned_data.get(f"status_{person.pk}")
            if status:
                yield person, status, self.cleaned_data.get(f"for_{person.pk}")


class DecisionForm(BoundedFieldsMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Decision.Outcome.choices)
    consensus = forms.BooleanField(label=_("Consensus reached"), required=False)
    text = forms.CharField(
        label=_("Decision, joint position or reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0, required=False)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0, required=False)
    votes_abstaining = forms.IntegerField(label=_("Abstaining"), min_value=0, required=False)

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        if forum.decision_rule == forum.DecisionRule.CONSENSUS:
            for name in ("votes_for", "votes_against", "votes_abstaining"):
                del self.fields[name]
            self.fields["outcome"].choices = [
                c for c in Decision.Outcome.choices if c[0] != Decision.Outcome.NOTED
            ]
        else:
            del self.fields["consensus"]


class MinutesForm(BoundedFieldsMixin, forms.Form):
    body = forms.CharField(
        label=_("Minutes"), max_length=200_000, widget=forms.Textarea(attrs={"rows": 20})
    )


class ActionItemForm(BoundedFieldsMixin, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ("title", "assignee", "due_date", "agenda_item")
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting)
        self.fields["assignee"].queryset = User.objects.filter(
            pk__in=mandates_in_force().filter(forum=meeting.forum).values("person_id")
        ).order_by("last_name", "first_name")

    def _post_clean(self):
        pass


VERIFY_MAX_BYTES = 20 * 1024 * 1024  # far above any minutes' PDF


class SealVerifyForm(forms.Form):
    """A file or a SHA-256 to check against the sealed minutes; gives `sha256` (hex)."""

    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("The PDF of the minutes, at most 20 MB."),
    )
    digest = forms.CharField(
        label=_("or SHA-256"),
        required=False,
        max_length=200,
        help_text=_("64 characters 0–9 and a–f, as printed in the PDF or shown with the minutes."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > VERIFY_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB: it is not minutes."))
        return upload

    def clean_digest(self):
        text = "".join((self.cleaned_data.get("digest") or "").split()).lower()
        text = text.removeprefix("sha-256:").removeprefix("sha256:")
        if text and (len(text) != 64 or any(c not in "0123456789abcdef" for c in text)):
            raise forms.ValidationError(
                _("A SHA-256 is 64 characters 0–9 and a–f: copy it whole from the minutes.")
            )
        return text

    def clean(self):
        cleaned = super().clean()
        upload, digest = cleaned.get("file"), cleaned.get("digest")
        if self.errors:
            return cleaned
        if not upload and not digest:
            raise forms.ValidationError(_("Choose a file or paste a SHA-256."))
        if upload and digest:
            raise forms.ValidationError(_("Choose a file or paste a SHA-256, not both."))
        if upload:
            hasher = hashlib.sha256()
            for chunk in upload.chunks():
                hasher.update(chunk)
            cleaned["sha256"] = hasher.hexdigest()
            cleaned["kind"] = "file"
        else:
            cleaned["sha256"] = digest
            cleaned["kind"] = "digest"
        return cleaned
