"""The forms of the annual report pages; each uses its service's list of fields."""

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.forms import BoundedFieldsMixin

from .figures import SECTION_KEYS
from .services.reports import (
    REPORT_CREATE_FIELDS,
    REPORT_SENT_FIELDS,
    REPORT_TEXT_FIELDS,
    TEXT_MAX_LENGTH,
)


class _Fields(BoundedFieldsMixin, forms.Form):
    service_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if set(self.fields) != set(self.service_fields):
            raise ImproperlyConfigured(f"{type(self).__name__}: the service's fields differ")


class AnnualReportCreateForm(_Fields):
    service_fields = REPORT_CREATE_FIELDS
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=9999)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"year": timezone.localdate().year - 1})
        super().__init__(*args, **kwargs)


class AnnualReportTextForm(_Fields):
    service_fields = REPORT_TEXT_FIELDS
    key = forms.ChoiceField(choices=[(key, key) for key in SECTION_KEYS], widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("The secretariat's text"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AnnualReportAgendaForm(BoundedFieldsMixin, forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None)
    title = forms.CharField(label=_("Agenda item"), max_length=300)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class AnnualReportSentForm(_Fields):
    service_fields = REPORT_SENT_FIELDS
    sent_on = forms.DateField(label=_("Sent on"), widget=forms.DateInput(attrs={"type": "date"}))
    sent_to = forms.CharField(
        label=_("Sent to"),
        required=False,
        max_length=200,
        help_text=_("Empty: the body the forum reports to."),
    )
