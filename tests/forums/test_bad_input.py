"""A seat count too large for the database gave a 500: it is refused next to the field."""

import pytest
from django.urls import reverse

from forums import services
from forums.models import Seat
from tests.factories import OrganisationFactory
from tests.forums.test_views_forums import seats_post
from tests.forums.view_helpers import field_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", ["99999999999999999999", "32768", "1000"])
def test_a_huge_seat_count_is_refused_next_to_the_field(
    client, secretariat_user, operative_forum, count
):
    client.force_login(secretariat_user)
    url = reverse("forums:seat_set", kwargs={"slug": operative_forum.slug})
    response = client.post(url, seats_post([(OrganisationFactory(), None, count)]))
    assert response.status_code == 200
    assert "högst 999" in field_error(response, "seats-0-count")
    assert not Seat.objects.exists()


def test_the_service_refuses_a_huge_seat_count(secretariat_user, operative_forum):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.seat_set(
            actor=secretariat_user,
            forum=operative_forum,
            seats=[{"organisation": OrganisationFactory(), "party": None, "count": 10**20}],
        )
    assert "count" in error.value.error_dict
    assert not Seat.objects.exists()
