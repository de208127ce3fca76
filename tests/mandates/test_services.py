"""The mandate and people services: permission first, transitions, history, grants at once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kernel.errors import DomainError, InvalidTransition
from kernel.history import system_user
from kernel.models import User
from mandates import services
from mandates.models import Invitation, Mandate
from mandates.tokens import invitation_token_generator
from tests.clock import FROZEN_DAY
from tests.factories import MandateFactory, UserFactory
from tests.mandates.conftest import refreshed
from tests.mandates.factories import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


def propose(actor, person, forum, role=Mandate.Role.MEMBER, **kwargs):
    kwargs.setdefault("valid_from", FROZEN_DAY)
    kwargs.setdefault("organisation", person.organisation)
    return services.mandate_propose(actor=actor, person=person, forum=forum, role=role, **kwargs)


@pytest.fixture
def person(region_a):
    return UserFactory(username="nyperson", organisation=region_a)


# --- proposing and activating --------------------------------------------------------------


def test_propose_keeps_history_and_grants_nothing(secretariat_user, person, operative_forum):
    mandate = propose(secretariat_user, person, operative_forum, reason="nominerad av RA")
    assert mandate.status == Mandate.Status.PROPOSED
    record = mandate.history.get()
    assert record.history_user == secretariat_user
    assert record.history_change_reason == "nominerad av RA"
    assert not refreshed(person).has_perm("forums.view_forum", operative_forum)


def test_activation_grants_the_role_permissions_at_once(secretariat_user, person, operative_forum):
    mandate = propose(secretariat_user, person, operative_forum, role=Mandate.Role.CHAIR)
    services.mandate_activate(actor=secretariat_user, mandate=mandate, reason="beslut 3 §")
    person = refreshed(person)
    assert person.has_perm("forums.view_forum", operative_forum)
    assert person.has_perm("forums.raise_case", operative_forum)
    assert person.has_perm("forums.lead_forum", operative_forum)
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.ACTIVE
    assert mandate.history.first().history_change_reason == "beslut 3 §"


def test_propose_and_activate_at_once(secretariat_user, person, operative_forum):
    mandate = propose(secretariat_user, person, operative_forum, activate=True)
    assert mandate.status == Mandate.Status.ACTIVE
    assert refreshed(person).has_perm("forums.view_forum", operative_forum)


def test_ending_takes_permissions_away_at_once(secretariat_user, person, operative_forum):
    mandate = propose(secretariat_user, person, operative_forum, activate=True)
    services.mandate_end(actor=secretariat_user, mandate=mandate, reason="slutat")
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.ENDED
    assert mandate.valid_to == FROZEN_DAY
    assert not refreshed(person).has_perm("forums.view_forum", operative_forum)
    assert mandate.history.first().history_change_reason == "slutat"


def test_revoking_takes_permissions_away_and_needs_a_reason(
    secretariat_user, person, operative_forum
):
    mandate = propose(secretariat_user, person, operative_forum, activate=True)
    with pytest.raises(ValidationError) as error:
        services.mandate_revoke(actor=secretariat_user, mandate=mandate, reason=" ")
    assert "reason" in error.value.error_dict
    services.mandate_revoke(actor=secretariat_user, mandate=mandate, reason="felregistrerat")
    assert not refreshed(person).has_perm("forums.view_forum", operative_forum)
    assert Mandate.objects.get(pk=mandate.pk).status == Mandate.Status.REVOKED


def test_a_mandate_that_has_not_started_is_revoked_not_ended(
    secretariat_user, person, operative_forum
):
    mandate = propose(
        secretariat_user,
        person,
        operative_forum,
        activate=True,
        valid_from=FROZEN_DAY + datetime.timedelta(days=10),
    )
    assert not refreshed(person).has_perm("forums.view_forum", operative_forum)
    with pytest.raises(DomainError):
        services.mandate_end(actor=secretariat_user, mandate=mandate)


@pytest.mark.parametrize(
    ("status", "service"),
    [
        (Mandate.Status.PROPOSED, "mandate_end"),
        (Mandate.Status.ENDED, "mandate_activate"),
        (Mandate.Status.ENDED, "mandate_end"),
        (Mandate.Status.REVOKED, "mandate_activate"),
        (Mandate.Status.ACTIVE, "mandate_activate"),
    ],
)
def test_transitions_outside_the_table_are_refused(
    secretariat_user, operative_forum, status, service
):
    mandate = MandateFactory(forum=operative_forum, status=status)
    with pytest.raises(InvalidTransition):
        getattr(services, service)(actor=secretariat_user, mandate=mandate)
    assert Mandate.objects.get(pk=mandate.pk).status == status


@pytest.mark.parametrize("actor_fixture", ["outsider_user", "chair_user", "representative_user"])
def test_only_the_secretariat_changes_mandates(request, actor_fixture, person, operative_forum):
    actor = request.getfixturevalue(actor_fixture)
    with pytest.raises(PermissionDenied):
        propose(actor, person, operative_forum)
    mandate = MandateFactory(forum=operative_forum, status=Mandate.Status.PROPOSED)
    for service in (services.mandate_activate, services.mandate_end):
        with pytest.raises(PermissionDenied):
            service(actor=actor, mandate=mandate)
    with pytest.raises(PermissionDenied):
        services.mandate_revoke(actor=actor, mandate=mandate, reason="x")


def test_the_secretariat_of_another_structure_may_not(
    other_secretariat_user, person, operative_forum
):
    with pytest.raises(PermissionDenied):
        propose(other_secretariat_user, person, operative_forum)


def test_a_superuser_may(superuser, person, operative_forum):
    assert propose(superuser, person, operative_forum).pk


def test_the_system_user_may_end_but_cannot_log_in(operative_forum, person, secretariat_user):
    mandate = propose(secretariat_user, person, operative_forum, activate=True)
    system = system_user()
    assert not system.is_active
    services.mandate_end(actor=system, mandate=mandate, reason="term ended")
    assert mandate.history.first().history_user == system


def test_update_runs_the_rules_and_keeps_history(secretariat_user, person, operative_forum):
    mandate = propose(secretariat_user, person, operative_forum, activate=True)
    services.mandate_update(
        actor=secretariat_user,
        mandate=mandate,
        valid_to=FROZEN_DAY + datetime.timedelta(days=100),
        reason="förlängt",
    )
    mandate.refresh_from_db()
    assert mandate.valid_to == FROZEN_DAY + datetime.timedelta(days=100)
    assert mandate.history.first().history_change_reason == "förlängt"
    with pytest.raises(ValidationError) as error:
        services.mandate_update(
            actor=secretariat_user, mandate=mandate, valid_to=FROZEN_DAY - datetime.timedelta(1000)
        )
    assert "valid_to" in error.value.error_dict


def test_the_role_of_an_active_mandate_does_not_change(secretariat_user, person, operative_forum):
    mandate = propose(secretariat_user, person, operative_forum, activate=True)
    with pytest.raises(ValidationError) as error:
        services.mandate_update(actor=secretariat_user, mandate=mandate, role=Mandate.Role.CHAIR)
    assert "role" in error.value.error_dict
    proposed = propose(secretariat_user, UserFactory(), operative_forum, organisation=None,
                       role=Mandate.Role.SECRETARY)  # fmt: skip
    services.mandate_update(actor=secretariat_user, mandate=proposed, role=Mandate.Role.CO_OPTED,
                            scope="Punkt 4: läkemedelsupphandling")  # fmt: skip
    assert Mandate.objects.get(pk=proposed.pk).role == Mandate.Role.CO_OPTED


def test_an_update_that_shortens_the_term_takes_permissions_away(
    secretariat_user, person, operative_forum
):
    mandate = propose(
        secretariat_user,
        person,
        operative_forum,
        activate=True,
        valid_from=FROZEN_DAY - datetime.timedelta(days=40),
    )
    services.mandate_update(
        actor=secretariat_user, mandate=mandate, valid_to=FROZEN_DAY - datetime.timedelta(days=1)
    )
    assert not refreshed(person).has_perm("forums.view_forum", operative_forum)


# --- the signed document -------------------------------------------------------------------


def test_a_pdf_document_is_stored_under_a_random_name(secretariat_user, person, operative_forum):
    mandate = propose(
        secretariat_user, person, operative_forum, document=pdf_upload("Mitt namn.pdf")
    )
    assert mandate.document.name.startswith("mandates/")
    assert "Mitt" not in mandate.document.name
    assert mandate.document.read().startswith(b"%PDF-")


def test_a_document_that_is_not_a_pdf_by_content_is_refused(
    secretariat_user, person, operative_forum
):
    with pytest.raises(ValidationError) as error:
        propose(
            secretariat_user,
            person,
            operative_forum,
            document=pdf_upload("fake.pdf", b"<html>not a pdf</html>"),
        )
    assert "document" in error.value.error_dict
    assert not Mandate.objects.filter(person=person).exists()


def test_a_document_over_five_megabytes_is_refused(secretariat_user, person, operative_forum):
    big = pdf_upload("big.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        propose(secretariat_user, person, operative_forum, document=big)
    assert "document" in error.value.error_dict


# --- people and invitations ----------------------------------------------------------------


def test_register_a_person_without_a_password(secretariat_user, region_a):
    person = services.person_register(
        actor=secretariat_user,
        first_name="Nina",
        last_name="Ny",
        email="Nina.Ny@Example.se",
        organisation=region_a,
        title="Enhetschef",
    )
    assert person.username == "nina.ny@example.se"
    assert person.email == "nina.ny@example.se"
    assert not person.has_usable_password()
    assert person.history.get().history_user == secretariat_user


def test_a_duplicate_person_is_refused(secretariat_user):
    UserFactory(email="dubbel@example.se")
    with pytest.raises(ValidationError) as error:
        services.person_register(
            actor=secretariat_user, first_name="A", last_name="B", email="DUBBEL@example.se"
        )
    assert "email" in error.value.error_dict


def test_the_system_name_is_reserved(secretariat_user):
    with pytest.raises(ValidationError) as error:
        services.person_register(
            actor=secretariat_user,
            username="system",
            first_name="A",
            last_name="B",
            email="sys@example.se",
        )
    assert "username" in error.value.error_dict


@pytest.mark.parametrize("actor_fixture", ["outsider_user", "chair_user"])
def test_only_secretariat_registers_people(request, actor_fixture):
    with pytest.raises(PermissionDenied):
        services.person_register(
            actor=request.getfixturevalue(actor_fixture),
            first_name="A",
            last_name="B",
            email="ab@example.se",
        )


def test_the_email_is_locked_once_the_person_has_a_password(secretariat_user, person):
    with pytest.raises(ValidationError) as error:
        services.person_update(actor=secretariat_user, person=person, email="ny@example.se")
    assert "email" in error.value.error_dict
    services.person_update(actor=secretariat_user, person=person, title="Strateg")
    assert User.objects.get(pk=person.pk).title == "Strateg"


def test_secretariat_cannot_change_staff_or_other_secretariat(
    secretariat_user, other_secretariat_user, superuser
):
    for target in (other_secretariat_user, superuser):
        with pytest.raises(PermissionDenied):
            services.person_update(actor=secretariat_user, person=target, title="x")
    services.person_update(actor=superuser, person=other_secretariat_user, title="Handläggare")


def _invite(actor, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.person_invite(actor=actor, person=person, base_url="http://testserver/")


def test_invitation_mails_a_link_that_works_once(
    client, secretariat_user, mailoutbox, django_capture_on_commit_callbacks
):
    person = services.person_register(
        actor=secretariat_user, first_name="Nina", last_name="Ny", email="nina@example.se"
    )
    invitation = _invite(secretariat_user, person, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nina@example.se"]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/personer/inbjudan/" in line)
    path = link.removeprefix("http://testserver")

    response = client.get(path)
    assert response.status_code == 302  # Django moves the token into the session
    set_password_url = response["Location"]
    response = client.post(
        set_password_url,
        {"new_password1": "Ett-långt-lösen-42", "new_password2": "Ett-långt-lösen-42"},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).check_password("Ett-långt-lösen-42")
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is not None

    client.cookies.clear()
    response = client.get(path, follow=True)
    assert response.context["validlink"] is False  # works once


def test_an_invitation_link_expires(
    client, secretariat_user, mailoutbox, monkeypatch, settings, django_capture_on_commit_callbacks
):
    person = services.person_register(
        actor=secretariat_user, first_name="Nina", last_name="Ny", email="nina@example.se"
    )
    _invite(secretariat_user, person, django_capture_on_commit_callbacks)
    path = next(
        line for line in mailoutbox[0].body.splitlines() if "/personer/inbjudan/" in line
    ).removeprefix("http://testserver")
    later = datetime.datetime.now() + datetime.timedelta(
        days=settings.INVITATION_TIMEOUT_DAYS, seconds=60
    )
    monkeypatch.setattr(invitation_token_generator, "_now", lambda: later)
    response = client.get(path, follow=True)
    assert response.context["validlink"] is False


def test_invitation_email_is_sent_once(
    secretariat_user, mailoutbox, django_capture_on_commit_callbacks
):
    person = services.person_register(
        actor=secretariat_user, first_name="Nina", last_name="Ny", email="nina@example.se"
    )
    invitation = _invite(secretariat_user, person, django_capture_on_commit_callbacks)
    services.invitation_email_send_now(actor=system_user(), invitation_id=invitation.pk)
    assert len(mailoutbox) == 1


def test_a_person_with_a_password_is_not_invited(
    secretariat_user, person, django_capture_on_commit_callbacks
):
    with pytest.raises(DomainError):
        _invite(secretariat_user, person, django_capture_on_commit_callbacks)
