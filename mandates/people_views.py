"""The directory of people and invitations (thin views, as in views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kernel.lists import list_page, table_page
from kernel.views import action_submit, form_submit

from . import selectors, services
from .filters import PersonFilter
from .forms import ChooseForumForm, PersonForm
from .permissions import can_change_person, can_manage_people
from .person_actions import PERSON_ACTIONS
from .tables import MandateTable, PersonTable
from .tokens import invitation_token_generator
from .views import PAGE_SIZE, _bound, _require


@login_required
def person_list(request):
    filterset, table = list_page(
        request,
        PersonFilter,
        PersonTable,
        selectors.person_list_visible_to(user=request.user),
        per_page=PAGE_SIZE,
    )
    context = {
        "filterset": filterset,
        "table": table,
        "can_register": can_manage_people(request.user),
    }
    return render(request, "mandates/person_list.html", context)


@login_required
def person_detail(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    show_email, show_phone = selectors.person_contact_visible(user=request.user, person=person)
    can_change = can_change_person(request.user, person)
    gives_mandates = can_change and selectors.manages_any_forum(request.user)
    mandates = MandateTable(
        selectors.person_mandates_visible_to(user=request.user, person=person),
        empty_text=_("No mandates in the forums you can see."),
    )
    context = {
        "person": person,
        "mandates": table_page(request, mandates, per_page=PAGE_SIZE),
        "show_email": show_email,
        "show_phone": show_phone,
        "can_change": can_change,
        "can_invite": can_change and person.email and not person.has_usable_password(),
        "extra_actions": [
            (label, reverse(url_name, args=[person.pk])) for label, url_name in PERSON_ACTIONS
        ]
        if can_change
        else [],
        "invitations": selectors.person_invitations_recent(person) if can_change else [],
        "choose_forum": ChooseForumForm(
            forums=selectors.forums_managed_by(request.user), initial={"person": person.pk}
        )
        if gives_mandates
        else None,
    }
    return render(request, "mandates/person_detail.html", context)


def _invitation_sent(request, person):
    messages.info(request, _("An invitation is sent to %(email)s.") % {"email": person.email})


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request):
    _require(can_manage_people(request.user))
    form = PersonForm(*_bound(request))

    def register(data):
        person = services.person_register(
            actor=request.user, username=data["username"], **form.person_fields()
        )
        if data["invite"]:
            services.person_invite(
                actor=request.user, person=person, base_url=request.build_absolute_uri("/")
            )
        return person

    def registered(person):
        messages.success(request, _("%(person)s is registered.") % {"person": person})
        if form.cleaned_data["invite"]:
            _invitation_sent(request, person)
        return ""

    response = form_submit(
        request,
        form,
        register,
        success=lambda person: reverse("people:person_detail", args=[person.pk]),
        message=registered,
    )
    return response or render(request, "mandates/person_form.html", {"form": form, "person": None})


@login_required
@require_http_methods(["GET", "POST"])
def person_update(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    _require(can_change_person(request.user, person))
    form = PersonForm(*_bound(request), person=person)
    response = form_submit(
        request,
        form,
        lambda data: services.person_update(
            actor=request.user, person=person, **form.person_fields()
        ),
        success=reverse("people:person_detail", args=[person.pk]),
        message=_("The details are saved."),
    )
    return response or render(
        request, "mandates/person_form.html", {"form": form, "person": person}
    )


@login_required
@require_POST
def person_invite(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    _require(can_change_person(request.user, person))
    detail = reverse("people:person_detail", args=[person.pk])
    return action_submit(
        request,
        lambda: services.person_invite(
            actor=request.user, person=person, base_url=request.build_absolute_uri("/")
        ),
        success=detail,
        failure=detail,
        message=_("An invitation is sent to %(email)s.") % {"email": person.email},
    )


class InvitationAcceptView(PasswordResetConfirmView):
    """The link in the invitation: set a password once, then log in."""

    template_name = "mandates/invitation_accept.html"
    success_url = reverse_lazy("login")
    post_reset_login = False
    token_generator = invitation_token_generator

    def form_valid(self, form):
        """One service sets the password and uses the invitation (not the form's save)."""
        session = self.request.session
        response = form_submit(
            self.request,
            form,
            lambda data: services.invitation_accept(
                person=form.user,
                token=session.get(INTERNAL_RESET_SESSION_TOKEN, ""),
                password=data["new_password1"],
            ),
            success=self.success_url,
            message=_("Your password is set. Log in with your username %(username)s.")
            % {"username": form.user.username},
        )
        if response is None:
            return self.form_invalid(form)
        session.pop(INTERNAL_RESET_SESSION_TOKEN, None)
        return response
