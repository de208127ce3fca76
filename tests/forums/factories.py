"""Factories for the forums app's own models (the shared ones are in tests/factories.py)."""

import factory
from factory.django import DjangoModelFactory

from forums.models import CharterVersion
from tests.factories import ForumFactory, UserFactory


class CharterVersionFactory(DjangoModelFactory):
    class Meta:
        model = CharterVersion

    forum = factory.SubFactory(ForumFactory)
    number = factory.Sequence(lambda n: n + 1)
    purpose = "To collaborate."
    general_assignments = factory.LazyFunction(lambda: ["Prepare cases."])
    specific_assignments = factory.LazyFunction(list)
    created_by = factory.SubFactory(UserFactory)
