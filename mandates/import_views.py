"""The import pages: upload, preview row by row, confirm (thin views, as in views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from forums.permissions import can_manage_structure
from kernel.lists import list_page
from kernel.views import action_submit, form_submit

from . import selectors, services
from .filters import ImportRowFilter
from .forms import ImportForm
from .models import MandateImport
from .tables import ImportRowTable
from .views import _bound, _require

IMPORT_ROWS_PAGE_SIZE = 100


@login_required
@require_http_methods(["GET", "POST"])
def import_create(request, slug):
    structure = selectors.structure_get_visible(user=request.user, slug=slug)
    _require(can_manage_structure(request.user, structure))

    def upload_and_check(data):
        mandate_import = services.mandate_import_create(
            actor=request.user, structure=structure, file=data["file"]
        )
        services.mandate_import_start_check(actor=request.user, mandate_import=mandate_import)
        return mandate_import

    form = ImportForm(*_bound(request, "files"))
    response = form_submit(
        request, form, upload_and_check, success=lambda mandate_import: mandate_import
    )
    context = {
        "form": form,
        "structure": structure,
        "imports": selectors.mandate_imports_recent(structure=structure),
    }
    return response or render(request, "mandates/import_form.html", context)


@login_required
def import_detail(request, pk):
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    filterset, table = list_page(
        request,
        ImportRowFilter,
        ImportRowTable,
        selectors.mandate_import_rows(mandate_import),
        per_page=IMPORT_ROWS_PAGE_SIZE,
    )
    context = {
        "import": mandate_import,
        "progress": selectors.mandate_import_progress(mandate_import),
        "table": table,
        "only_invalid": bool(filterset.form.is_valid() and filterset.form.cleaned_data["invalid"]),
        "can_confirm": mandate_import.status == MandateImport.Status.PREVIEWED
        and mandate_import.valid_count > 0,
    }
    return render(request, "mandates/import_detail.html", context)


@login_required
def import_progress(request, pk):
    """The progress bar alone, for htmx polling; reloads the page when the work is done."""
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    if not request.htmx:
        return redirect(mandate_import)
    if not mandate_import.is_running:
        return HttpResponseClientRefresh()
    context = {
        "import": mandate_import,
        "progress": selectors.mandate_import_progress(mandate_import),
    }
    return render(request, "mandates/partials/_import_progress.html", context)


def _import_outcome(request):
    """Saved, failed in the worker's transaction, or still saving (a large import)."""

    def outcome(mandate_import):
        if mandate_import.status == MandateImport.Status.DONE:
            messages.success(
                request, _("%(count)d rows are saved.") % {"count": mandate_import.saved_count}
            )
        elif mandate_import.status == MandateImport.Status.FAILED:
            messages.error(request, mandate_import.error)
        else:
            messages.info(request, _("The rows are being saved."))
        return ""

    return outcome


@login_required
@require_POST
def import_confirm(request, pk):
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    return action_submit(
        request,
        lambda: services.mandate_import_confirm(actor=request.user, mandate_import=mandate_import),
        success=mandate_import,
        failure=mandate_import,
        message=_import_outcome(request),
    )
