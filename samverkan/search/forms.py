from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS

MAX_LENGTH = 200
MAX_PAGE = 500


class SearchForm(forms.Form):
    """The query string of the results page. A CharField refuses NUL characters, an
    overlong text is refused (said on the page), an unknown kind or page is ignored."""

    q = forms.CharField(label=_("Search"), max_length=MAX_LENGTH, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(kind.key, kind.label) for kind in KINDS], required=False
    )
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
