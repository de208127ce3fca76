"""The secretariat's pages for structures: list, map, forms, secretariat staff, archive."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kernel.lists import list_page
from kernel.views import form_submit

from .. import selectors, services
from ..filters import StructureFilter
from ..forms import (
    SecretariatForm,
    StructureForm,
)
from ..map import build_map, graphviz_installed, render_svg, structure_tree
from ..permissions import (
    can_manage_structure,
)
from ..selectors import (
    forums_of_structure_visible_to,
    party_list_for_structure,
)
from ..tables import StructureTable
from .common import (
    confirm,
    handle_login_first,
    structure_for,
)


@login_required
def structure_list(request):
    managed = selectors.structure_ids_run_by(user=request.user)
    filterset, table = list_page(
        request,
        StructureFilter,
        StructureTable,
        selectors.structure_list_visible_to(user=request.user),
        managed_structure_ids=managed,
    )
    return render(
        request,
        "forums/structure_list.html",
        {
            "filterset": filterset,
            "table": table,
            "managed_structure_ids": managed,
            "can_create": request.user.has_perm(services.ADD_STRUCTURE),
        },
    )


@handle_login_first
def structure_detail(request, slug):
    structure = structure_for(request, slug)
    user = request.user
    manages = can_manage_structure(user, structure)
    forums = list(forums_of_structure_visible_to(user=user, structure=structure))
    structure_map = build_map(structure, forums)
    map_svg = render_svg(structure_map, labelledby="map-heading")
    context = {
        "structure": structure,
        "manages": manages,
        "forums": forums,
        "map_svg": map_svg,
        "graphviz_missing": map_svg is None and not graphviz_installed(),
        "tree": structure_tree(forums),
        "parties": list(party_list_for_structure(structure=structure)),
        "archived_parties": (
            list(party_list_for_structure(structure=structure, archived=True)) if manages else []
        ),
        "secretariat_staff": list(selectors.structure_secretariat_staff(structure=structure)),
        "secretariat_organisations": list(
            selectors.structure_secretariat_organisations(structure=structure)
        ),
        "today": timezone.localdate(),
    }
    return render(request, "forums/structure_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def structure_create(request):
    if not request.user.has_perm(services.ADD_STRUCTURE):
        raise PermissionDenied
    form = StructureForm(request.POST or None)
    done = form_submit(
        request,
        form,
        lambda data: services.structure_create(
            actor=request.user,
            data=form.service_data(),
            secretariat_organisations=data["secretariat_organisations"],
        ),
        success=lambda structure: structure.get_absolute_url(),
        message=_("The structure was created."),
    )
    return done or render(request, "forums/structure_form.html", {"form": form, "structure": None})


@handle_login_first
@require_http_methods(["GET", "POST"])
def structure_update(request, slug):
    structure = structure_for(request, slug, manage=True)
    form = StructureForm(request.POST or None, instance=structure)
    done = form_submit(
        request,
        form,
        lambda data: services.structure_update(
            actor=request.user,
            structure=structure,
            data=form.service_data(),
            secretariat_organisations=data["secretariat_organisations"],
        ),
        success=lambda structure: structure.get_absolute_url(),
        message=_("The structure was saved."),
    )
    return done or render(
        request, "forums/structure_form.html", {"form": form, "structure": structure}
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def structure_secretariat(request, slug):
    structure = structure_for(request, slug, manage=True)
    form = SecretariatForm(request.POST or None, structure=structure)
    user = request.user

    def back(structure):
        # Someone who took themselves off the secretariat can no longer run the structure.
        if user.is_superuser or selectors.is_secretariat_staff(structure=structure, user=user):
            return structure.get_absolute_url()
        return reverse("forums:structure_list")

    done = form_submit(
        request,
        form,
        lambda data: services.structure_secretariat_set(
            actor=user, structure=structure, staff=form.staff_after()
        ),
        success=back,
        message=_("The secretariat staff were saved."),
    )
    return done or render(
        request, "forums/structure_secretariat.html", {"form": form, "structure": structure}
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def structure_archive(request, slug):
    structure = structure_for(request, slug, manage=True)
    return confirm(
        request,
        obj=structure,
        action=lambda: services.structure_archive(actor=request.user, structure=structure),
        title=_("Archive %(name)s") % {"name": structure.name},
        question=_(
            "Archived structures are hidden from lists and get no new forums. Nothing is "
            "deleted and the secretariat can restore it."
        ),
        done=_("The structure was archived."),
        back=structure.get_absolute_url(),
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def structure_restore(request, slug):
    structure = structure_for(request, slug, manage=True)
    return confirm(
        request,
        obj=structure,
        action=lambda: services.structure_restore(actor=request.user, structure=structure),
        title=_("Restore %(name)s") % {"name": structure.name},
        question=_("The structure will be shown in lists again."),
        done=_("The structure was restored."),
        back=structure.get_absolute_url(),
        archive=False,
    )
