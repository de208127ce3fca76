from django import forms
from django.utils.translation import gettext_lazy as _


class PersonalIdentityNumberForm(forms.Form):
    personal_identity_number = forms.CharField(
        label=_("Personal identity number"),
        max_length=20,
        required=False,
        help_text=_(
            "Twelve digits, YYYYMMDD-NNNN. Only a keyed hash is stored, so the number cannot be "
            "shown again. Leave empty to remove the link."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
