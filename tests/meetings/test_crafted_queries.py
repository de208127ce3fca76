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
