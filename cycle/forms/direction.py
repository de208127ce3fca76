"""Forms of direction documents. The fields are the services' (cycle.services.direction)."""

from django import forms
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.timezone import localdate, localtime
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Organisation
from kernel.forms import BoundedFieldsMixin

from ..models import DirectionDocumentVersion
from ..services import DIRECTION_VERSION_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_MAX = DirectionDocumentVersion._meta.get_field("text").max_length


class _VersionFields(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("How the agency and the collaboration group work together."),
    )
    review_on = forms.DateField(
        label=_("Review by"),
        widget=DATE_INPUT,
        help_text=_("The forum's leaders and the secretariat are reminded when it has passed."),
    )


class DirectionDocumentCreateForm(BoundedFieldsMixin, _VersionFields):
    title = forms.CharField(label=_("Title"), max_length=300)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Organisation.objects.none())
    group = forms.ModelChoiceField(
        label=_("Collaboration group"),
        queryset=Forum.objects.none(),
        help_text=_("A forum of the same structure."),
    )
    field_order = ("title", "agency", "group", "text", "review_on")

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.AGENCY, archived_at__isnull=True
        ).order_by("name")
        self.fields["group"].queryset = (
            Forum.objects.filter(structure_id=forum.structure_id)
            .exclude(pk=forum.pk)
            .filter(Q(active_to__isnull=True) | Q(active_to__gte=localdate()))
            .order_by("tier", "name")
        )


class DirectionDocumentForm(BoundedFieldsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)


class DirectionVersionForm(BoundedFieldsMixin, _VersionFields):
    def service_data(self):
        return {name: self.cleaned_data[name] for name in DIRECTION_VERSION_FIELDS}


class DirectionVersionDraftForm(BoundedFieldsMixin, forms.Form):
    review_on = forms.DateField(
        label=_("Review by"),
        widget=DATE_INPUT,
        required=False,
        help_text=_(
            "Leave empty for a year from today. The text is copied from the latest version."
        ),
    )


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        when = date_format(localtime(obj.starts_at), "SHORT_DATETIME_FORMAT")
        return f"{obj.title} ({when})"


class DirectionAgendaForm(BoundedFieldsMixin, forms.Form):
    meeting = MeetingChoiceField(label=_("Meeting"), queryset=None)
    title = forms.CharField(
        label=_("Agenda item title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty for the document's title and version."),
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
