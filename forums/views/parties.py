"""The parties of a structure: add, change, archive and restore."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kernel.views import form_submit

from .. import services
from ..forms import (
    PartyForm,
)
from .common import (
    confirm,
    handle_login_first,
    party_for,
    structure_for,
)


@handle_login_first
@require_http_methods(["GET", "POST"])
def party_create(request, slug):
    structure = structure_for(request, slug, manage=True)
    form = PartyForm(request.POST or None)
    done = form_submit(
        request,
        form,
        lambda data: services.party_create(actor=request.user, structure=structure, data=data),
        success=structure.get_absolute_url(),
        message=_("The party was added."),
    )
    return done or render(
        request, "forums/party_form.html", {"form": form, "structure": structure, "party": None}
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def party_update(request, pk):
    party = party_for(request, pk)
    form = PartyForm(request.POST or None, instance=party)
    done = form_submit(
        request,
        form,
        lambda data: services.party_update(actor=request.user, party=party, data=data),
        success=party.structure.get_absolute_url(),
        message=_("The party was saved."),
    )
    return done or render(
        request,
        "forums/party_form.html",
        {"form": form, "structure": party.structure, "party": party},
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def party_archive(request, pk):
    party = party_for(request, pk)
    return confirm(
        request,
        obj=party,
        action=lambda: services.party_archive(actor=request.user, party=party),
        title=_("Archive the party %(name)s") % {"name": party.name},
        question=_("An archived party gets no new seats or members. Nothing is deleted."),
        done=_("The party was archived."),
        back=party.structure.get_absolute_url(),
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def party_restore(request, pk):
    party = party_for(request, pk)
    return confirm(
        request,
        obj=party,
        action=lambda: services.party_restore(actor=request.user, party=party),
        title=_("Restore the party %(name)s") % {"name": party.name},
        question=_("The party will be in use again."),
        done=_("The party was restored."),
        back=party.structure.get_absolute_url(),
        archive=False,
    )
