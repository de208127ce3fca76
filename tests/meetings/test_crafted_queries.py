"""A crafted query string on a meeting list is a list (maybe empty), never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", ["10000", "1e5", "99999999999999"])
def test_forum_meetings_year_beyond_what_a_date_holds_is_not_a_500(client, vg, year):
    client.raise_request_exception = False
    client.force_login(vg.vgr_member)
    url = reverse("meetings:forum_meetings", args=[vg.group.slug])
    assert client.get(url, {"year": year}).status_code == 200


@pytest.mark.parametrize("value", ["²", "abc"])
def test_posted_ids_that_are_not_ascii_digits_are_a_404_not_a_500(client, vg, meeting, value):
    client.raise_request_exception = False
    client.force_login(vg.secretary)
    revoke = client.post(reverse("meetings:calendar_feeds"), {"revoke": value})
    amend = client.post(reverse("meetings:minutes_create", args=[meeting.pk]), {"amends": value})
    assert (revoke.status_code, amend.status_code) == (404, 404)
