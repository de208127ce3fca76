from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors
from .forms import SearchForm
from .kinds import BY_KEY

GROUP_SIZE = 5
PAGE_SIZE = 50


@login_required
@require_GET
def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # an overlong or NUL text is said on the page; a bad kind or page is ignored
    data = form.cleaned_data
    text = data.get("q", "")
    kind = BY_KEY.get(data.get("kind") or "")
    page = data.get("page") or 1
    context = {"form": form, "text": text, "kind": kind, "page": page, "searched": False}
    if "q" not in form.errors and selectors.has_words(text):
        context["searched"] = True
        if kind:
            group = selectors.search_group(
                user=request.user,
                kind=kind,
                text=text,
                offset=(page - 1) * PAGE_SIZE,
                limit=PAGE_SIZE,
            )
            context.update(
                group=group,
                previous_page=page - 1 if page > 1 else None,
                next_page=page + 1 if group.more else None,
            )
        else:
            context["groups"] = selectors.search_all(user=request.user, text=text, limit=GROUP_SIZE)
    return render(request, "search/results.html", context)
