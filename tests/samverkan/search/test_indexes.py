"""The GIN indexes of the search (the index migrations in escalation, meetings, forums and
kernel) are usable by the queries the search page makes: EXPLAIN with sequential scans off
names the index. A list of fields changed in an app's search.py without a new index
migration fails here."""

import pytest
from django.db import connection, transaction

from kernel.search import query, vector
from samverkan.search.kinds import KINDS

pytestmark = pytest.mark.django_db

INDEX = {
    "cases": "case_search_idx",
    "decisions": "decision_search_idx",
    "agenda": "agendaitem_search_idx",
    "minutes": "minutes_search_idx",
    "forums": "forum_search_idx",
    "organisations": "organisation_search_idx",
    "people": "user_search_idx",
}


def test_every_kind_has_an_index():
    assert sorted(INDEX) == sorted(kind.key for kind in KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_the_search_query_can_use_the_index(kind):
    base = kind.model._default_manager.all()
    searched = base.alias(search_document=vector(kind.fields)).filter(
        search_document=query("läkemedel")
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = searched.explain()
    assert INDEX[kind.key] in plan, plan
