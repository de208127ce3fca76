"""Principal bodies (uppdragsgivare): a forum reports to a forum of its structure or to a
body outside the portal (an organisation), never both; the forum page, the public page and
the structure map name it. Coordinated planning is set in the forum form."""

import importlib
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse

from forums import map as structure_map
from forums import services
from forums.models import Forum, Organisation
from tests.factories import ForumFactory, OrganisationFactory, StructureFactory
from tests.forums.service_helpers import field_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def government():
    return OrganisationFactory(name="Regeringen (via Rådet)", kind="political_body")


def test_the_database_refuses_both_a_forum_and_a_body(strategic_forum, government):
    with pytest.raises(DatabaseError) as refused, transaction.atomic():
        ForumFactory(
            structure=strategic_forum.structure,
            tier=Forum.Tier.STRATEGIC,
            reports_to_forum=strategic_forum,
            principal_body=government,
        )
    assert isinstance(refused.value, IntegrityError)
    assert refused.value.__cause__.diag.constraint_name == "forum_reports_to_one_body"


def test_the_service_refuses_both_and_another_structure(
    secretariat_user, tactical_forum, strategic_forum, government
):
    with pytest.raises(ValidationError) as refused:
        services.forum_update(
            actor=secretariat_user,
            forum=tactical_forum,
            data={"reports_to_forum": strategic_forum, "principal_body": government},
        )
    assert "principal_body" in field_errors(refused)
    elsewhere = ForumFactory(structure=StructureFactory(), tier=Forum.Tier.STRATEGIC)
    with pytest.raises(ValidationError) as refused:
        services.forum_update(
            actor=secretariat_user, forum=tactical_forum, data={"reports_to_forum": elsewhere}
        )
    assert "reports_to_forum" in field_errors(refused)


def test_the_forum_page_links_the_principal_body(
    client, secretariat_user, tactical_forum, strategic_forum, operative_forum, government
):
    services.forum_update(
        actor=secretariat_user, forum=tactical_forum, data={"reports_to_forum": strategic_forum}
    )
    services.forum_update(
        actor=secretariat_user, forum=strategic_forum, data={"principal_body": government}
    )
    client.force_login(secretariat_user)
    page = client.get(tactical_forum.get_absolute_url()).content.decode()
    assert f'<a href="{strategic_forum.get_absolute_url()}">{strategic_forum.name}</a>' in page
    page = client.get(strategic_forum.get_absolute_url()).content.decode()
    assert "Regeringen (via Rådet)</a>" in page and reverse("forums:organisation_list") in page


def test_the_public_page_names_the_principal_body(client, strategic_forum, government):
    strategic_forum.principal_body = government
    strategic_forum.is_public = True
    strategic_forum.save()
    response = client.get(reverse("public_forums:forum_detail", args=[strategic_forum.slug]))
    assert 'id="public-reports-to"' in response.content.decode()
    assert government.name in response.content.decode()


def test_the_map_and_its_list_show_what_a_forum_reports_to(
    structure, strategic_forum, tactical_forum, government
):
    cache.clear()
    tactical_forum.reports_to_forum = strategic_forum
    tactical_forum.save()
    strategic_forum.principal_body = government
    strategic_forum.save()
    forums = list(Forum.objects.filter(structure=structure).select_related("principal_body"))
    built = structure_map.build_map(structure, forums)
    kinds = {(edge.kind, edge.tail.pk) for edge in built.edges}
    assert ("reporting", tactical_forum.pk) in kinds
    assert ("reporting_body", strategic_forum.pk) in kinds
    svg = structure_map.render_svg(built, labelledby="map-heading")
    if svg is not None:
        ids = {e.get("id") for e in ET.fromstring(str(svg)).iter()}  # noqa: S314
        assert structure_map.body_id(government) in ids
    tree = structure_map.structure_tree(forums)
    assert tree[0].reports_to == government.name


def test_the_form_sets_the_body_and_coordination(
    client, secretariat_user, tactical_forum, government
):
    public = ForumFactory(structure=StructureFactory(), is_public=True, tier=Forum.Tier.STRATEGIC)
    client.force_login(secretariat_user)
    url = reverse("forums:forum_update", args=[tactical_forum.slug])
    page = client.get(url).content.decode()
    assert "data-picker-url" in page and public.name in page
    data = {
        "name": tactical_forum.name,
        "slug": tactical_forum.slug,
        "tier": tactical_forum.tier,
        "kind": tactical_forum.kind,
        "escalates_to": tactical_forum.escalates_to_id,
        "decision_rule": tactical_forum.decision_rule,
        "minutes_approval": tactical_forum.minutes_approval,
        "principal_body": government.pk,
        "coordinates_with": [public.pk],
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    tactical_forum.refresh_from_db()
    assert tactical_forum.principal_body == government
    assert list(tactical_forum.coordinates_with.all()) == [public]
    assert tactical_forum.history.first().history_user == secretariat_user


def test_the_organisation_picker_answers_the_secretariat_only(
    client, secretariat_user, chair_user, structure, government
):
    url = reverse("forums:principal_body_options", args=[structure.slug])
    client.force_login(chair_user)
    assert client.get(url, {"q": "Reger"}).status_code == 403
    client.force_login(secretariat_user)
    response = client.get(url, {"q": "Reger\x00"})
    assert response.status_code == 200 and government.name in response.content.decode()


def test_the_migration_maps_the_old_text(structure, strategic_forum, tactical_forum):
    """The data step: a forum's name in the structure becomes the forum, any other text an
    organisation (a political body where the name says so)."""
    migration = importlib.import_module("forums.migrations.0007_principal_bodies")
    assert migration._kind("Det politiska samrådsorganet (SRO)") == "political_body"
    assert migration._kind("Samverkansnämnden") == "political_body"
    assert migration._kind("Regionsjukvårdsledningen") == "other"

    class Row:
        def __init__(self, forum, text):
            self.pk, self.structure_id, self.reports_to = forum.pk, forum.structure_id, text
            self.reports_to_forum = self.principal_body = None

        def save(self, update_fields):
            Forum.objects.filter(pk=self.pk)  # the real step saves the historical model

    rows = [Row(tactical_forum, strategic_forum.name.upper()), Row(strategic_forum, "Nämnden")]

    class Manager:
        def exclude(self, **_):
            return self

        def order_by(self, *_):
            return rows

        def filter(self, **kwargs):
            return Forum.objects.filter(**kwargs)

    class FakeForum:
        objects = Manager()

    class Apps:
        def get_model(self, app, name):
            return FakeForum if name == "Forum" else Organisation

    class Editor:
        class connection:  # noqa: N801
            vendor = "sqlite"

    migration.map_reports_to(Apps(), Editor())
    assert rows[0].reports_to_forum == strategic_forum
    assert rows[1].principal_body.name == "Nämnden"
    assert rows[1].principal_body.kind == "political_body"
