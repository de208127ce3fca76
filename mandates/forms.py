from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Organisation
from kernel.forms import BoundedFieldsMixin
from kernel.pickers import PickerSelect

from .models import Mandate
from .services import MANDATE_FIELDS, PERSON_FIELDS

User = get_user_model()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _people():
    return (
        User.objects.filter(is_active=True)
        .exclude(username=settings.SYSTEM_USERNAME)
        .select_related("organisation")
        .order_by("last_name", "first_name", "username")
    )


PERSON_SEARCH_FIELDS = ("first_name", "last_name", "username", "organisation__name")


def _organisations():
    return Organisation.objects.filter(archived_at__isnull=True).order_by("name")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.username
        if obj.organisation_id:
            return f"{name} ({obj.organisation.name})"
        return f"{name} ({obj.username})"


class DeputyForChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.person} – {obj.get_role_display()}"


class MandateFormMixin:
    def _limit_to_forum(self, forum):
        self.fields["deputy_for"].queryset = (
            Mandate.objects.filter(
                forum=forum,
                role__in=Mandate.SEAT_ROLES,
                status__in=[Mandate.Status.PROPOSED, Mandate.Status.ACTIVE],
            )
            .select_related("person")
            .order_by("person__last_name", "pk")
        )
        self.fields["appointed_by"].queryset = Forum.objects.filter(
            structure_id=forum.structure_id
        ).order_by("tier", "name")

    def clean_document(self):
        return self.cleaned_data.get("document") or None


class MandateCreateForm(BoundedFieldsMixin, MandateFormMixin, forms.Form):
    person = PersonChoiceField(
        label=_("Person"),
        queryset=User.objects.none(),
        widget=PickerSelect(search_label=_("Search people")),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Mandate.Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation represented"), queryset=Organisation.objects.none(), required=False
    )
    deputy_for = DeputyForChoiceField(
        label=_("Deputy for"),
        queryset=Mandate.objects.none(),
        required=False,
        help_text=_("Only for a deputy: the member they stand in for."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    valid_to = forms.DateField(label=_("Valid to"), widget=DateInput(), required=False)
    appointed_by = forms.ModelChoiceField(
        label=_("Appointed by"), queryset=Forum.objects.none(), required=False
    )
    nominated_by = forms.ModelChoiceField(
        label=_("Nominated by"), queryset=Organisation.objects.none(), required=False
    )
    scope = forms.CharField(
        label=_("Scope of the mandate"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("For a co-opted person: the agenda items or question they join for."),
    )
    document = forms.FileField(
        label=_("Signed document (PDF, at most 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    activate = forms.BooleanField(
        label=_("Appoint at once (the mandate becomes active)"), required=False
    )
    reason = forms.CharField(
        label=_("Reason (kept in the history)"), required=False, max_length=100
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.forum = forum
        self.fields["person"].queryset = _people()
        self.fields["person"].widget.url = reverse("mandates:person_options", args=[forum.slug])
        self.fields["organisation"].queryset = _organisations()
        self.fields["nominated_by"].queryset = _organisations()
        self._limit_to_forum(forum)

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if person is not None and not cleaned.get("organisation") and person.organisation_id:
            cleaned["organisation"] = person.organisation
        return cleaned


class MandateUpdateForm(BoundedFieldsMixin, MandateFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Mandate.Role.choices)
    organisation = MandateCreateForm.base_fields["organisation"]
    deputy_for = MandateCreateForm.base_fields["deputy_for"]
    valid_from = MandateCreateForm.base_fields["valid_from"]
    valid_to = MandateCreateForm.base_fields["valid_to"]
    appointed_by = MandateCreateForm.base_fields["appointed_by"]
    nominated_by = MandateCreateForm.base_fields["nominated_by"]
    scope = MandateCreateForm.base_fields["scope"]
    document = MandateCreateForm.base_fields["document"]
    remove_document = forms.BooleanField(label=_("Remove the signed document"), required=False)
    reason = forms.CharField(
        label=_("Reason (kept in the history)"), required=False, max_length=100
    )

    def __init__(self, *args, mandate, **kwargs):
        initial = {
            "role": mandate.role,
            "organisation": mandate.organisation_id,
            "deputy_for": mandate.deputy_for_id,
            "valid_from": mandate.valid_from,
            "valid_to": mandate.valid_to,
            "appointed_by": mandate.appointed_by_id,
            "nominated_by": mandate.nominated_by_id,
            "scope": mandate.scope,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.mandate = mandate
        self.fields["organisation"].queryset = _organisations()
        self.fields["nominated_by"].queryset = _organisations()
        self._limit_to_forum(mandate.forum)
        self.fields["deputy_for"].queryset = self.fields["deputy_for"].queryset.exclude(
            pk=mandate.pk
        )
        if mandate.status != Mandate.Status.PROPOSED:
            self.fields["role"].disabled = True
            self.fields["role"].help_text = _("The role of an active mandate does not change.")
        if not mandate.document:
            del self.fields["remove_document"]

    def changes(self):
        """The details for services.mandate_update (the one list: MANDATE_FIELDS)."""
        return {name: self.cleaned_data.get(name) for name in MANDATE_FIELDS}


class ReasonForm(BoundedFieldsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason (kept in the history)"),
        max_length=100,
        required=False,
    )

    def __init__(self, *args, required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required


class EndForm(ReasonForm):
    on = forms.DateField(
        label=_("Last day of the mandate"),
        widget=DateInput(),
        required=False,
        help_text=_("Empty: today."),
    )


class ChooseForumForm(BoundedFieldsMixin, forms.Form):
    forum = forms.ModelChoiceField(
        label=_("Forum"), queryset=Forum.objects.none(), to_field_name="slug"
    )
    person = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, forums, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = forums.select_related("structure").order_by(
            "structure__name", "tier", "name"
        )
        self.fields["forum"].label_from_instance = lambda f: f"{f.name} ({f.structure.name})"


class PersonForm(BoundedFieldsMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        required=False,
        help_text=_("Empty: the e-mail address."),
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    publish_email = forms.BooleanField(
        label=_("Publish the e-mail address on the public pages of forums"), required=False
    )
    publish_phone = forms.BooleanField(
        label=_("Publish the phone number on the public pages of forums"), required=False
    )
    invite = forms.BooleanField(
        label=_("Invite the person by e-mail to set a password"), required=False, initial=True
    )

    def __init__(self, *args, person=None, **kwargs):
        if person is not None:
            kwargs.setdefault(
                "initial",
                {
                    "first_name": person.first_name,
                    "last_name": person.last_name,
                    "email": person.email,
                    "title": person.title,
                    "organisation": person.organisation_id,
                    "phone": person.phone,
                    "publish_email": person.publish_email,
                    "publish_phone": person.publish_phone,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()
        if person is not None:
            del self.fields["username"]
            del self.fields["invite"]
            if person.has_usable_password():
                self.fields["email"].disabled = True
                self.fields["email"].help_text = _(
                    "The person has set a password; only they change their e-mail address."
                )

    def person_fields(self):
        """The details for the people services (the one list: PERSON_FIELDS)."""
        return {
            name: self.cleaned_data[name] for name in PERSON_FIELDS if name in self.cleaned_data
        }


class ImportForm(BoundedFieldsMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file or Excel workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )
