"""Accepting an invitation is one service in one transaction: the password and the used
invitation are saved together or not at all, and two submissions of the same link give one
password (the second waits on the person's row lock, then finds the link used)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kernel.errors import DomainError
from mandates import services
from mandates.models import Invitation
from mandates.services import invitations
from mandates.tokens import invitation_token_generator
from tests.lockwait import first_holds_second_waits

User = get_user_model()
PASSWORD = "Ett-långt-lösen-42"


@pytest.fixture
def invited(secretariat_user, django_capture_on_commit_callbacks):
    person = services.person_register(
        actor=secretariat_user, first_name="Nina", last_name="Ny", email="nina@example.se"
    )
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.person_invite(
            actor=secretariat_user, person=person, base_url="http://testserver/"
        )
    return User.objects.get(pk=person.pk), invitation


def _fresh(person):
    return User.objects.get(pk=person.pk)


@pytest.mark.django_db
def test_accepting_sets_the_password_and_uses_the_invitation(invited):
    person, invitation = invited
    token = invitation_token_generator.make_token(person)
    services.invitation_accept(person=person, token=token, password=PASSWORD)
    assert _fresh(person).check_password(PASSWORD)
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is not None
    with pytest.raises(DomainError, match="Inbjudningslänken gäller inte längre"):
        services.invitation_accept(person=_fresh(person), token=token, password="Ett-annat-99")
    assert _fresh(person).check_password(PASSWORD)


@pytest.mark.django_db
def test_a_failure_using_the_invitation_leaves_no_password(invited, monkeypatch):
    person, invitation = invited
    token = invitation_token_generator.make_token(person)
    real = invitations.save_with_history

    def failing(instance, **kwargs):
        if isinstance(instance, Invitation):
            raise RuntimeError("the database went away")
        return real(instance, **kwargs)

    monkeypatch.setattr(invitations, "save_with_history", failing)
    with pytest.raises(RuntimeError):
        services.invitation_accept(person=person, token=token, password=PASSWORD)
    assert not _fresh(person).has_usable_password()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None
    # The link still works: nothing was half done.
    monkeypatch.setattr(invitations, "save_with_history", real)
    services.invitation_accept(person=_fresh(person), token=token, password=PASSWORD)
    assert _fresh(person).check_password(PASSWORD)


@pytest.mark.django_db
def test_a_weak_password_is_refused_by_the_service(invited, settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}
    ]
    person, invitation = invited
    token = invitation_token_generator.make_token(person)
    with pytest.raises(ValidationError) as refused:
        services.invitation_accept(person=person, token=token, password="kort")
    assert "new_password2" in refused.value.message_dict
    assert not _fresh(person).has_usable_password()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


@pytest.mark.django_db
def test_the_page_uses_the_one_service(client, invited, monkeypatch):
    """Through the page too: a failure in the service leaves the password unset."""
    person, invitation = invited
    path = reverse(
        "people:invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": invitation_token_generator.make_token(person),
        },
    )
    set_password_url = client.get(path)["Location"]
    monkeypatch.setattr(
        invitations,
        "save_with_history",
        lambda instance, **kwargs: (_ for _ in ()).throw(DomainError("Försök igen senare.")),
    )
    response = client.post(set_password_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 200
    assert "Försök igen senare." in response.content.decode()
    assert not _fresh(person).has_usable_password()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_submissions_of_one_link_give_one_password(invited):
    person, invitation = invited
    token = invitation_token_generator.make_token(person)

    def accept(password):
        return lambda: services.invitation_accept(
            person=_fresh(person), token=token, password=password
        )

    first, second = first_holds_second_waits(accept(PASSWORD), accept("Ett-annat-lösen-99"))
    assert isinstance(first, User), first
    assert isinstance(second, DomainError), second
    assert _fresh(person).check_password(PASSWORD)
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is not None
    assert (
        _fresh(person).history.filter(history_change_reason="password set from the invitation")
    ).count() == 1
