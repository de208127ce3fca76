"""Searchable pickers (issue 12, item 5): a <select> that a search box narrows.

Without JavaScript the select is what it always was. With it, static/js/picker.js puts a
search box before the select; typing asks the select's options URL (htmx) for the options
that match, and the select shows only those. The options come from the form field's own
queryset (`field_options`), so the endpoint shows no more than the form offers, and the
form still validates against the whole queryset it allows.
"""

from functools import reduce
from operator import and_, or_

from django import forms
from django.db.models import Q
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

MAX_OPTIONS = 50  # a narrowed list; the empty query gives what the form gives


class PickerSelect(forms.Select):
    """A select the script makes searchable; `url` answers ?q= with <option>s."""

    def __init__(self, *args, url="", search_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.url = url
        self.search_label = search_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        picker = {
            "data-picker-url": str(self.url),
            "data-picker-label": str(self.search_label or _("Search")),
            "data-picker-hint": str(
                _("Type a few letters; the list below shows what matches. Escape clears.")
            ),
            "data-picker-count": str(_("Matches: %(count)s")),
        }
        context["widget"]["attrs"].update(picker)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        return html + format_html('<script src="{}" defer></script>', static("js/picker.js"))


def narrow(queryset, query, fields):
    """The rows of `queryset` whose `fields` contain every word of `query`."""
    words = query.split()[:5]
    if not words:
        return queryset
    conditions = [
        reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields)) for word in words
    ]
    return queryset.filter(reduce(and_, conditions))


def options_response(request, field, fields):
    """The <option>s of a ChoiceField narrowed by ?q= (the form field's own queryset)."""
    query = request.GET.get("q", "")[:100].replace("\x00", "")  # PostgreSQL refuses NUL
    queryset = narrow(field.queryset, query, fields)
    rows = list(queryset[: MAX_OPTIONS + 1]) if query.strip() else list(queryset)
    more = query.strip() and len(rows) > MAX_OPTIONS
    options = [(obj.pk, field.label_from_instance(obj)) for obj in rows[:MAX_OPTIONS]]
    context = {"options": options, "more": more, "empty_label": field.empty_label}
    return render(request, "includes/picker_options.html", context)
