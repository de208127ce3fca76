"""Password reset: the link lives an hour (an invitation a week, its own token); the e-mail
goes through a Celery task after commit; requests are limited per e-mail address (more send
nothing, the same answer) and per client address (a 429 page)."""

import datetime
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse

from mandates.tokens import invitation_token_generator
from samverkan.accounts.tasks import password_reset_email_send
from tests.celery_worker import celery_worker_process, emails, wait_for
from tests.factories import UserFactory

HOUR = datetime.timedelta(hours=1)


def _ask(client, email, address="192.0.2.1"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_a_reset_link_lives_an_hour_and_an_invitation_a_week(frozen_day, time_machine):
    person = UserFactory()
    reset = default_token_generator.make_token(person)
    invitation = invitation_token_generator.make_token(person)
    time_machine.shift(HOUR - datetime.timedelta(minutes=1))
    assert default_token_generator.check_token(person, reset)
    time_machine.shift(datetime.timedelta(minutes=2))
    assert not default_token_generator.check_token(person, reset)
    assert invitation_token_generator.check_token(person, invitation)
    time_machine.shift(datetime.timedelta(days=7) - HOUR - datetime.timedelta(minutes=2))
    assert invitation_token_generator.check_token(person, invitation)
    time_machine.shift(datetime.timedelta(minutes=2))
    assert not invitation_token_generator.check_token(person, invitation)


@pytest.mark.django_db
def test_the_two_tokens_do_not_stand_for_each_other():
    person = UserFactory()
    assert not invitation_token_generator.check_token(
        person, default_token_generator.make_token(person)
    )
    assert not default_token_generator.check_token(
        person, invitation_token_generator.make_token(person)
    )


@pytest.mark.django_db
def test_the_reset_email_is_queued_after_commit_not_sent_in_the_request(
    client, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    UserFactory(email="olle@example.se")
    queued = []
    monkeypatch.setattr(password_reset_email_send, "delay", lambda *a: queued.append(a))
    with django_capture_on_commit_callbacks() as callbacks:
        assert _ask(client, "olle@example.se").status_code == 302
    assert mailoutbox == [] and queued == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(queued) == 1 and mailoutbox == []


@pytest.mark.django_db
def test_a_redelivered_reset_task_sends_once(mailoutbox):
    person = UserFactory(email="olle@example.se")
    args = (person.pk, "https://samverkan.example", "request-1", "sv")
    password_reset_email_send.delay(*args)
    password_reset_email_send.delay(*args)
    assert len(mailoutbox) == 1
    assert "https://samverkan.example/konto/reset/" in mailoutbox[0].body


@pytest.mark.django_db
def test_at_most_three_resets_an_hour_per_address_with_the_same_answer(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="olle@example.se")
    answers = []
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            response = _ask(client, "Olle@Example.se")
        answers.append((response.status_code, response["Location"]))
    assert len(mailoutbox) == 3
    assert len(set(answers)) == 1  # the fourth and fifth look the same
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, "annan@example.se")  # another address counts on its own
    assert len(mailoutbox) == 3


@pytest.mark.django_db
def test_at_most_ten_reset_requests_an_hour_per_client_address(client):
    for number in range(10):
        assert _ask(client, f"person{number}@example.se").status_code == 302
    response = _ask(client, "en-till@example.se")
    assert response.status_code == 429
    assert "För många begäranden om nytt lösenord" in response.text
    assert 'class="site-header"' in response.text
    assert f'href="{reverse("dashboard")}"' in response.text
    assert _ask(client, "en-till@example.se", address="192.0.2.2").status_code == 302


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_reset_email(client, tmp_path):
    UserFactory(email="olle@example.se")
    with celery_worker_process(tmp_path) as mail_dir:
        assert _ask(client, "olle@example.se").status_code == 302
        assert wait_for(lambda: len(emails(mail_dir)) == 1, seconds=60), "no e-mail"
    message = emails(mail_dir)[0]
    assert message["To"] == "olle@example.se"
    body = message.get_payload(decode=True).decode()
    assert re.search(r"http://testserver/konto/reset/\S+/\S+/", body)
