"""Forms of the case pages. They only shape input; the services hold the rules."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import get_users_with_perms

from forums.models import Forum, Organisation
from forums.permissions import RAISE_CASE, forums_with_perm
from kernel.forms import BoundedFieldsMixin
from kernel.pickers import PickerSelect

from .models import Case
from .uploads import ALLOWED_TEXT, MAX_ATTACHMENT_BYTES

ACCEPT = ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.png,.jpg,.jpeg"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _attachment_help():
    return _("%(kinds)s; at most %(megabytes)s MB each.") % {
        "kinds": ALLOWED_TEXT,
        "megabytes": MAX_ATTACHMENT_BYTES // (1024 * 1024),
    }


class CaseRaiseForm(BoundedFieldsMixin, forms.Form):
    forum = forms.ModelChoiceField(
        label=_("Forum"), queryset=Forum.objects.none(), empty_label=_("Choose a forum")
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("What the question is, and what you want the forum to do."),
    )
    organisation = forms.ModelChoiceField(
        label=_("From organisation"),
        queryset=Organisation.objects.filter(archived_at__isnull=True),
        widget=PickerSelect(
            url=reverse_lazy("escalation:organisation_options"),
            search_label=_("Search organisations"),
        ),
        required=False,
    )
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Case.Priority.choices, initial=Case.Priority.NORMAL
    )
    wished_date = forms.DateField(
        label=_("Wished-for date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("When you would like the forum to have handled it."),
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["forum"].queryset = (
            forums_with_perm(user, RAISE_CASE)
            .filter(Q(active_to__isnull=True) | Q(active_to__gte=today))
            .select_related("structure")
            .order_by("structure__name", "tier", "name")
        )
        self.fields["attachments"].help_text = _attachment_help()
        if user.organisation_id:
            self.fields["organisation"].initial = user.organisation_id


class VersionedForm(BoundedFieldsMixin, forms.Form):
    """Carries the case version the page showed, so a change meanwhile is noticed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class NoteForm(VersionedForm):
    note = forms.CharField(
        label=_("Note (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class PrepareForm(NoteForm):
    prepared_by = forms.ModelChoiceField(
        label=_("Prepared by"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("The chair, vice chair or secretary, with the secretariat."),
        empty_label=_("Me"),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        forum = case.current_forum
        leaders = get_users_with_perms(
            forum, only_with_perms_in=["lead_forum"], with_group_users=False
        ).values("pk")
        self.fields["prepared_by"].queryset = (
            get_user_model()
            .objects.filter(
                Q(pk__in=leaders) | Q(secretariat_structures=forum.structure), is_active=True
            )
            .distinct()
            .order_by("last_name", "first_name", "username")
        )


class ScheduleForm(NoteForm):
    note = forms.CharField(
        label=_("Which meeting"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("E.g. the date of the meeting whose agenda the case is on."),
    )


class DecideForm(VersionedForm):
    outcome = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 5}))


class ReasonForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))


class FeedbackForm(VersionedForm):
    feedback = forms.CharField(
        label=_("Feedback"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The outcome as it is reported back to the forums on the case's path."),
    )


class AttachmentForm(BoundedFieldsMixin, forms.Form):
    file = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _attachment_help()
