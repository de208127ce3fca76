"""Writing mandates through the services, and reading what the rules said."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mandates import services
from mandates.models import Mandate
from tests.factories import UserFactory

Role = Mandate.Role
DAY = datetime.timedelta(days=1)
RULE_CODE = re.compile(r"\bR\d+\b")  # no rule code in what the user reads


def propose(actor, forum, role, organisation, *, person=None, **kwargs):
    kwargs.setdefault("valid_from", timezone.localdate())
    return services.mandate_propose(
        actor=actor,
        person=person or UserFactory(organisation=organisation),
        forum=forum,
        role=role,
        organisation=organisation,
        **kwargs,
    )


def appoint(actor, forum, role, organisation, **kwargs):
    return propose(actor, forum, role, organisation, activate=True, **kwargs)


def refused(field, finding_id, call, *args, **kwargs):
    """Assert the call is refused by the finding ("R5.seats_overfilled") on the field, that
    no message names a rule code, and that nothing was saved. Returns the messages."""
    before = Mandate.objects.count()
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    errors = error.value.error_dict[field]
    assert finding_id in [e.code for e in errors], [(e.code, e.message) for e in errors]
    messages = [message for e in errors for message in e.messages]
    assert not any(RULE_CODE.search(message) for message in messages), messages
    assert Mandate.objects.count() == before
    return messages


def codes(findings):
    """{(rule, code, level)} of findings."""
    return {(f.rule, f.code, f.level) for f in findings}


def visible_text(html):
    """The page as the user reads it: no tags, no attributes (data-rule holds a code)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def page_findings(html):
    """{(rule, code)} of the findings a page shows (the data attributes of the findings)."""
    return set(re.findall(r'data-rule="(R\d+)" data-code="([a-z_]+)"', html))


def forum_page(client, user, forum):
    client.force_login(user)
    response = client.get(reverse("forums:forum_detail", args=[forum.slug]))
    assert response.status_code == 200
    return response.content.decode()


def compliance_page(client, user, structure):
    client.force_login(user)
    response = client.get(reverse("mandates:compliance", args=[structure.slug]))
    assert response.status_code == 200
    return response.content.decode()
