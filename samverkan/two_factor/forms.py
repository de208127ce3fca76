from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authenticator app shows now, or a recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class SetupTokenForm(TokenForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["token"]
        field.help_text = _("The six digits your authenticator app shows for Samverkan.")
        field.widget.attrs["inputmode"] = "numeric"


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, I understand"), required=True)
