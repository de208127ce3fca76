"""The shared organisation register, for the secretariats."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kernel.lists import list_page
from kernel.views import form_submit

from .. import selectors, services
from ..filters import OrganisationFilter
from ..forms import (
    OrganisationForm,
)
from ..permissions import (
    CHANGE,
    can_change_organisation,
)
from ..tables import OrganisationTable
from .common import (
    confirm,
    require_secretariat,
)


@login_required
def organisation_list(request):
    require_secretariat(request.user)
    filterset, table = list_page(
        request,
        OrganisationFilter,
        OrganisationTable,
        selectors.organisation_list(user=request.user),
    )
    return render(
        request, "forums/organisation_list.html", {"filterset": filterset, "table": table}
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    require_secretariat(request.user)
    parties = selectors.parties_for_organisation_form(user=request.user)
    form = OrganisationForm(request.POST or None, parties=parties)
    done = form_submit(
        request,
        form,
        lambda data: services.organisation_create(
            actor=request.user, data=form.service_data(), parties=data["parties"]
        ),
        success=reverse("forums:organisation_list"),
        message=_("The organisation was added."),
    )
    return done or render(
        request, "forums/organisation_form.html", {"form": form, "organisation": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_update(request, pk):
    user = request.user
    require_secretariat(user)
    # Every secretariat member may change the parties (of their structures) an organisation
    # is in; its own fields only the secretariat of a structure that uses it.
    organisation = selectors.organisation_get(user=user, pk=pk)
    may_change = can_change_organisation(user, organisation)
    form = OrganisationForm(
        request.POST or None,
        instance=organisation,
        parties=selectors.parties_for_organisation_form(user=user, organisation=organisation),
        locked=not may_change,
    )
    # Memberships in structures the editor does not run are kept as they are.
    other_parties = list(
        selectors.organisation_parties_elsewhere(user=user, organisation=organisation)
    )
    done = form_submit(
        request,
        form,
        lambda data: services.organisation_update(
            actor=user,
            organisation=organisation,
            data=form.service_data(),
            parties=[*data["parties"], *other_parties],
        ),
        success=reverse("forums:organisation_list"),
        message=_("The organisation was saved."),
    )
    return done or render(
        request,
        "forums/organisation_form.html",
        {
            "form": form,
            "organisation": organisation,
            "other_parties": other_parties,
            "may_change": may_change,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_archive(request, pk):
    organisation = selectors.organisation_get(user=request.user, pk=pk, action=CHANGE)
    return confirm(
        request,
        obj=organisation,
        action=lambda: services.organisation_archive(actor=request.user, organisation=organisation),
        title=_("Archive %(name)s") % {"name": organisation.name},
        question=_(
            "An archived organisation gets no new seats and is hidden from the register. "
            "Nothing is deleted."
        ),
        done=_("The organisation was archived."),
        back=reverse("forums:organisation_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_restore(request, pk):
    organisation = selectors.organisation_get(user=request.user, pk=pk, action=CHANGE)
    return confirm(
        request,
        obj=organisation,
        action=lambda: services.organisation_restore(actor=request.user, organisation=organisation),
        title=_("Restore %(name)s") % {"name": organisation.name},
        question=_("The organisation will be in the register again."),
        done=_("The organisation was restored."),
        back=reverse("forums:organisation_list"),
        archive=False,
    )
