"""Forms of the secretariat's workspace. They validate input; the services apply the rules.

The fields a form edits are the ones its service declares (forums.services.*_FIELDS); the
list pages' filters are in forums.filters.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms import formset_factory
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kernel.forms import BoundedFieldsMixin
from kernel.pickers import PickerSelect

from .models import MAX_SEATS, Forum, Organisation, Party, Structure
from .selectors import forums_visible_to, people_named
from .services import FORUM_FIELDS, ORGANISATION_FIELDS, PARTY_FIELDS, STRUCTURE_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ForumChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.get_tier_display().lower()})"


class ForumMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.get_tier_display().lower()})"


class OtherForumMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Forums of any structure: named with their structure."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.structure.name})"


# What the principal body picker searches (kernel.pickers).
ORGANISATION_SEARCH_FIELDS = ("name", "short_name")


# --- Structures, parties, organisations ------------------------------------------------------


class ServiceModelForm(BoundedFieldsMixin, forms.ModelForm):
    """A model form that only cleans its fields: the service validates the model (and its
    constraints) after the domain rules, and the form's instance is left untouched."""

    def _post_clean(self):
        pass


class StructureForm(ServiceModelForm):
    class Meta:
        model = Structure
        fields = (*STRUCTURE_FIELDS, "secretariat_organisations")
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {"is_partnership": _("Decisions are joint positions that bind no party")}
        help_texts = {
            "slug": _("Leave empty to make one from the name."),
            "is_partnership": _(
                "Tick only if the structure's governing document says so, as Partnerskapet's "
                "does: decisions are then not binding, each party decides for itself. Having "
                "two parties does not make a structure a partnership."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["secretariat_organisations"].queryset = Organisation.objects.filter(
            Q(archived_at__isnull=True)
            | Q(pk__in=self.instance.secretariat_organisations.all() if self.instance.pk else [])
        ).order_by("name")

    def service_data(self):
        return {name: self.cleaned_data[name] for name in STRUCTURE_FIELDS}


class SecretariatForm(BoundedFieldsMixin, forms.Form):
    staff = forms.ModelMultipleChoiceField(
        label=_("Present secretariat staff"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a person to remove them."),
    )
    add = forms.CharField(
        label=_("Add people"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Usernames or e-mail addresses, separated by commas or new lines."),
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = structure.secretariat_staff.order_by(
            "last_name", "first_name", "username"
        )
        self.fields["staff"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.username})"
        )
        self.fields["staff"].initial = list(self.fields["staff"].queryset)

    def clean_add(self):
        """The people to add, by username or e-mail (all of them must have an account)."""
        text = self.cleaned_data.get("add") or ""
        identifiers = [part.strip() for part in text.replace("\n", ",").split(",")]
        people, missing = people_named(identifiers=[part for part in identifiers if part])
        if missing:
            raise forms.ValidationError(
                _("No active account has this username or e-mail: %(names)s."),
                params={"names": ", ".join(missing)},
            )
        return people

    def staff_after(self):
        """The staff after the change: those kept and those added, each once."""
        people = [*self.cleaned_data["staff"], *self.cleaned_data["add"]]
        return list({person.pk: person for person in people}.values())


class PartyForm(ServiceModelForm):
    class Meta:
        model = Party
        fields = PARTY_FIELDS


class OrganisationForm(ServiceModelForm):
    website = forms.URLField(
        label=Organisation._meta.get_field("website").verbose_name,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Organisation
        fields = (*ORGANISATION_FIELDS, "parties")
        widgets = {"parties": forms.CheckboxSelectMultiple}

    def __init__(self, *args, parties, locked=False, **kwargs):
        """`locked`: the editor may change only the parties, not the organisation's fields."""
        super().__init__(*args, **kwargs)
        field = self.fields["parties"]
        field.queryset = parties
        field.required = False
        field.label_from_instance = lambda p: f"{p.name} ({p.structure.name})"
        field.help_text = _("Only the parties of structures you run as secretariat are listed.")
        self.locked = locked
        for name in ORGANISATION_FIELDS if locked else ():
            self.fields[name].disabled = True

    def clean(self):
        # A browser does not send disabled fields; a request that changes one anyway was made
        # by hand and is refused, as the service would refuse it.
        for name in ORGANISATION_FIELDS if self.locked else ():
            if name in self.data and self.data[name] != str(self[name].initial or ""):
                raise PermissionDenied
        return super().clean()

    def service_data(self):
        return {name: self.cleaned_data[name] for name in ORGANISATION_FIELDS}


# --- Forums ----------------------------------------------------------------------------------


class ForumForm(ServiceModelForm):
    """A forum's settings; its structure is fixed, its charter and seats have their own pages."""

    steers = ForumMultipleChoiceField(
        label=_("Forums it steers"),
        queryset=Forum.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("E.g. a medicines group is the steering group of a procurement group."),
    )

    coordinates_with = OtherForumMultipleChoiceField(
        label=_("Meeting planning coordinated with"),
        queryset=Forum.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The forums whose coming meetings are shown when this forum plans its meetings, "
            "with a warning when a meeting falls on the same day as one of theirs."
        ),
    )

    class Meta:
        model = Forum
        fields = (*FORUM_FIELDS, "steers", "coordinates_with")
        field_classes = {
            "escalates_to": ForumChoiceField,
            "appointed_by": ForumChoiceField,
            "reports_to_forum": ForumChoiceField,
            "chair_party_differs_from": ForumChoiceField,
        }
        widgets = {
            "principal_body": PickerSelect(search_label=_("Search organisations")),
            "setup_criteria": forms.Textarea(attrs={"rows": 3}),
            "active_from": DATE_INPUT,
            "active_to": DATE_INPUT,
        }
        help_texts = {
            "slug": _("Leave empty to make one from the name."),
            "appointed_by": _("The forum that appointed this one and secures its mandate."),
            "active_to": _("For a forum set up for a limited time: the day it is wound down."),
            "is_public": _("Its charter, members and published minutes are shown without login."),
        }

    def __init__(self, *args, structure, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        others = Forum.objects.filter(structure=structure).order_by("tier", "name")
        chosen = []
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
            self.fields["steers"].initial = list(self.instance.steers.all())
            chosen = list(self.instance.coordinates_with.values_list("pk", flat=True))
            self.fields["coordinates_with"].initial = chosen
        for name in (
            "escalates_to",
            "appointed_by",
            "reports_to_forum",
            "chair_party_differs_from",
            "steers",
        ):
            self.fields[name].queryset = others
        # Coordination may cross structures: the forums the editor may see, and those chosen.
        seen = (
            forums_visible_to(user).filter(structure__archived_at__isnull=True)
            if user is not None
            else Forum.objects.filter(structure=structure)
        )
        self.fields["coordinates_with"].queryset = (
            Forum.objects.filter(Q(pk__in=seen.values("pk")) | Q(pk__in=chosen))
            .exclude(pk=self.instance.pk)
            .select_related("structure")
            .order_by("structure__name", "tier", "name")
        )
        body = self.fields["principal_body"]
        body.queryset = Organisation.objects.filter(
            Q(archived_at__isnull=True) | Q(pk=self.instance.principal_body_id)
        ).order_by("name")
        body.widget.url = reverse("forums:principal_body_options", args=[structure.slug])
        self.fields["chair_party"].queryset = Party.objects.filter(structure=structure).filter(
            Q(archived_at__isnull=True) | Q(pk=self.instance.chair_party_id)
        )
        self.fields["slug"].required = False

    def service_data(self):
        return {name: self.cleaned_data[name] for name in FORUM_FIELDS}


class WindDownForm(BoundedFieldsMixin, forms.Form):
    active_to = forms.DateField(label=_("Wound down on"), widget=DATE_INPUT)


class CharterForm(BoundedFieldsMixin, forms.Form):
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    note = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=300,
        help_text=_("Optional; kept with this version of the charter."),
    )


class AssignmentForm(BoundedFieldsMixin, forms.Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Leave empty, or tick Remove, to take the item away."),
    )


class _BaseAssignmentFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Position")
        form.fields["DELETE"].label = _("Remove")


AssignmentFormSet = formset_factory(
    AssignmentForm,
    formset=_BaseAssignmentFormSet,
    extra=1,
    can_order=True,
    can_delete=True,
    max_num=100,
    absolute_max=200,
)


def assignment_texts(formset):
    """The items' texts in the order given, without removed or empty ones."""
    return [
        form.cleaned_data["text"].strip()
        for form in formset.ordered_forms
        if (form.cleaned_data.get("text") or "").strip()
    ]


class SeatForm(BoundedFieldsMixin, forms.Form):
    """One seat row. The choices are given as lists so a formset of many rows makes no
    query per row."""

    organisation = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )
    party = forms.TypedChoiceField(label=_("Party"), required=False, coerce=int, empty_value=None)
    count = forms.IntegerField(
        label=_("Number of seats"),
        required=False,
        max_value=MAX_SEATS,
        error_messages={
            "max_value": _("A forum has at most %(limit_value)s seats per organisation or party.")
        },
    )

    def __init__(self, *args, organisations, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self._organisations = {organisation.pk: organisation for organisation in organisations}
        self._parties = {party.pk: party for party in parties}
        blank = [("", "---------")]
        self.fields["organisation"].choices = blank + [(o.pk, o.name) for o in organisations]
        self.fields["party"].choices = blank + [(p.pk, p.name) for p in parties]

    def clean_organisation(self):
        return self._organisations.get(self.cleaned_data["organisation"])

    def clean_party(self):
        return self._parties.get(self.cleaned_data["party"])

    def clean(self):
        cleaned = super().clean()
        organisation, party, count = (
            cleaned.get("organisation"),
            cleaned.get("party"),
            cleaned.get("count"),
        )
        if organisation is None and party is None:
            if count:
                self.add_error("organisation", _("Choose an organisation or a party."))
            return cleaned
        if organisation is not None and party is not None:
            self.add_error("party", _("Choose either an organisation or a party, not both."))
        if count is None:
            self.add_error("count", _("Give the number of seats."))
        elif count < 0:
            self.add_error("count", _("The number of seats cannot be below zero."))
        return cleaned

    def seat(self):
        data = self.cleaned_data
        if not data or (data.get("organisation") is None and data.get("party") is None):
            return None
        return {
            "organisation": data.get("organisation"),
            "party": data.get("party"),
            "count": data.get("count"),
        }


class _BaseSeatFormSet(forms.BaseFormSet):
    # The service's errors go above the rows (kernel.views.form_submit treats the formset as
    # a form without fields).
    fields = {}

    def add_error(self, field, error):
        messages = error.messages if isinstance(error, ValidationError) else [error]
        self.non_form_errors().extend(messages)

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            seat = form.seat()
            if seat is None:
                continue
            key = seat["organisation"] or seat["party"]
            if key in seen:
                field = "organisation" if seat["organisation"] else "party"
                form.add_error(field, _("This is already listed above."))
            seen.add(key)

    def seats(self):
        return [seat for seat in (form.seat() for form in self.forms) if seat is not None]


SeatFormSet = formset_factory(
    SeatForm, formset=_BaseSeatFormSet, extra=2, max_num=200, absolute_max=300
)
