"""Writing mandates through the services, and reading what the rules said."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
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
