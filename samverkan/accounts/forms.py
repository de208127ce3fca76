from django import forms
from django.utils.translation import gettext_lazy as _


class EndOtherSessionsForm(forms.Form):
    """Confirm logging out everywhere else with one's password (when one has one)."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        required=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            del self.fields["password"]
        else:
            self.fields["password"].required = True
