"""What the search box searches: one `Kind` per group of results.

Each kind names the fields of its document (the owning app's `search.py`, the same list its
index migration uses), the rows the user may see (the visibility API), and how a hit is
titled and linked. Fetching a kind's hits is one query whatever their number.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from escalation.models import Case
from escalation.search import CASE_FIELDS
from forums.models import Forum, Organisation
from forums.search import FORUM_FIELDS, ORGANISATION_FIELDS
from kernel.models import User
from kernel.search import USER_FIELDS
from kernel.visibility import VIEW
from mandates.permissions import people
from meetings.models import AgendaItem, Decision, Minutes
from meetings.permissions import READ
from meetings.search import AGENDA_ITEM_FIELDS, DECISION_FIELDS, MINUTES_FIELDS


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model: type
    fields: tuple
    visible: Callable  # user -> the queryset of what they may see, with what hits need
    title: Callable  # row -> str
    context: Callable  # row -> str (where it belongs), may be ""
    url: Callable  # row -> str


def _cases(user):
    return Case.objects.restrict(user, VIEW).select_related("current_forum")


def _decisions(user):
    return Decision.objects.filter(
        agenda_item__in=AgendaItem.objects.restrict(user, VIEW).values("pk")
    ).select_related("agenda_item__meeting__forum")


def _agenda_items(user):
    return AgendaItem.objects.restrict(user, VIEW).select_related("meeting__forum")


def _minutes(user):
    return Minutes.objects.restrict(user, READ).select_related("meeting__forum")


def _forums(user):
    return Forum.objects.restrict(user, VIEW).select_related("structure")


def _organisations(user):
    return Organisation.objects.restrict(user, VIEW)


def _people(user):
    return people().restrict(user, VIEW).select_related("organisation")


def _agenda_item_url(item):
    """The item's row on its meeting's page (templates/meetings/partials/_agenda.html)."""
    return reverse("meetings:meeting_detail", kwargs={"pk": item.meeting_id}) + f"#item-{item.pk}"


KINDS = (
    Kind(
        key="cases",
        model=Case,
        label=_("Cases"),
        fields=CASE_FIELDS,
        visible=_cases,
        title=lambda case: f"{case.reference} {case.title}",
        context=lambda case: str(case.current_forum),
        url=lambda case: case.get_absolute_url(),
    ),
    Kind(
        key="decisions",
        model=Decision,
        label=_("Decisions"),
        fields=DECISION_FIELDS,
        visible=_decisions,
        title=lambda decision: decision.agenda_item.title,
        context=lambda decision: str(decision.agenda_item.meeting),
        url=lambda decision: _agenda_item_url(decision.agenda_item),
    ),
    Kind(
        key="agenda",
        model=AgendaItem,
        label=_("Agenda items"),
        fields=AGENDA_ITEM_FIELDS,
        visible=_agenda_items,
        title=lambda item: item.title,
        context=lambda item: str(item.meeting),
        url=_agenda_item_url,
    ),
    Kind(
        key="minutes",
        model=Minutes,
        label=_("Minutes"),
        fields=MINUTES_FIELDS,
        visible=_minutes,
        title=lambda minutes: str(minutes),
        context=lambda minutes: str(minutes.meeting.forum),
        url=lambda minutes: minutes.get_absolute_url(),
    ),
    Kind(
        key="forums",
        model=Forum,
        label=_("Forums"),
        fields=FORUM_FIELDS,
        visible=_forums,
        title=lambda forum: forum.name,
        context=lambda forum: str(forum.structure),
        url=lambda forum: forum.get_absolute_url(),
    ),
    Kind(
        key="organisations",
        model=Organisation,
        label=_("Organisations"),
        fields=ORGANISATION_FIELDS,
        visible=_organisations,
        title=lambda organisation: organisation.name,
        context=lambda organisation: organisation.get_kind_display(),
        url=lambda organisation: (
            reverse("forums:organisation_list") + "?" + urlencode({"q": organisation.name})
        ),
    ),
    Kind(
        key="people",
        model=User,
        label=_("People"),
        fields=USER_FIELDS,
        visible=_people,
        title=lambda person: person.get_full_name() or person.username,
        context=lambda person: ", ".join(
            part for part in (person.title, str(person.organisation or "")) if part
        ),
        url=lambda person: reverse("people:person_detail", kwargs={"pk": person.pk}),
    ),
)

BY_KEY = {kind.key: kind for kind in KINDS}
