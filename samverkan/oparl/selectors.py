"""The public record, as querysets: what OParl publishes, and nothing more.

Published is what the public pages already publish, or what follows from it:

- forums that are public (of a structure not archived), wound down or not;
- the mandates (active or ended) in those forums, their people (with only the contact
  details each person publishes) and the organisations they sit for;
- the meetings of those forums; their agenda, decisions and cases only once the meeting's
  minutes are approved (the sealed minutes PDF, which is public, records them);
- the sealed PDFs of approved minutes.

Objects that were published once and no longer are (a forum made closed, a structure
archived, a meeting deleted) answer as tombstones (`deleted: true`); see DESIGN-NOTES.md.
Created and modified times come from the history tables (simple-history's history_date).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import (
    Exists,
    F,
    Func,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    TextField,
)
from django.db.models.functions import Length

from escalation.models import Case
from forums.models import Forum, Organisation, Structure
from mandates.models import Mandate
from meetings.models import AgendaItem, Meeting, Minutes, MinutesApproval

PUBLIC_FORUM = Q(is_public=True, structure__archived_at__isnull=True)
PUBLISHED_MANDATE_STATUSES = (Mandate.Status.ACTIVE, Mandate.Status.ENDED)


def _first_and_last(queryset, history, key="id"):
    """Annotate `created` and `modified`: the first and the last history row of each object."""
    rows = history.objects.filter(**{key: OuterRef("pk")}).order_by().values(key)
    return queryset.annotate(
        created=Subquery(rows.annotate(t=Min("history_date")).values("t")[:1]),
        modified=Subquery(rows.annotate(t=Max("history_date")).values("t")[:1]),
    )


def with_times(queryset):
    return _first_and_last(queryset, queryset.model.history.model)


class Sha512Hex(Func):
    """The SHA-512 of a binary column as lower-case hex, computed by PostgreSQL."""

    output_field = TextField()
    template = "encode(sha512(%(expressions)s), 'hex')"


def public_forum_ids():
    return Forum.objects.filter(PUBLIC_FORUM).values("pk")


def ever_public_forum_ids():
    return Forum.history.filter(is_public=True).values("id")


# --- bodies and organisations ---------------------------------------------------------------


def bodies():
    """Structures that ever had a public forum (those with none now answer as tombstones)."""
    live = Exists(Forum.objects.filter(PUBLIC_FORUM, structure=OuterRef("pk")))
    return with_times(
        Structure.objects.filter(forums__pk__in=ever_public_forum_ids())
        .distinct()
        .annotate(has_public=live)
        .order_by("pk")
    )


def forums(*, body=None):
    """Forums that ever were public; `is_public` and the structure say whether they still are."""
    queryset = Forum.objects.filter(pk__in=ever_public_forum_ids())
    if body is not None:
        queryset = queryset.filter(structure=body)
    mandates = Mandate.objects.filter(status__in=PUBLISHED_MANDATE_STATUSES).order_by("pk")
    return with_times(
        queryset.select_related("structure", "escalates_to", "escalates_to__structure")
        .prefetch_related(Prefetch("mandates", queryset=mandates, to_attr="published_mandates"))
        .order_by("pk")
    )


def published_mandates():
    return Mandate.objects.filter(
        forum__in=public_forum_ids(), status__in=PUBLISHED_MANDATE_STATUSES
    )


def organisations(*, body=None):
    """Organisations that published members sit for, or that published cases come from."""
    mandates, cases = published_mandates(), published_cases()
    if body is not None:
        mandates, cases = (
            mandates.filter(forum__structure=body),
            cases.filter(agenda_items__in=published_agenda_items(body=body)),
        )
    queryset = Organisation.objects.filter(
        Q(pk__in=mandates.values("organisation")) | Q(pk__in=cases.values("organisation"))
    )
    return with_times(queryset.order_by("pk"))


# --- people and memberships -----------------------------------------------------------------


def memberships(*, body=None):
    queryset = published_mandates()
    if body is not None:
        queryset = queryset.filter(forum__structure=body)
    return with_times(queryset.select_related("forum", "organisation").order_by("pk"))


def people(*, body=None):
    mandates = published_mandates()
    if body is not None:
        mandates = mandates.filter(forum__structure=body)
    return with_times(
        get_user_model()
        .objects.filter(pk__in=mandates.values("person"))
        .prefetch_related(
            Prefetch(
                "mandates",
                queryset=published_mandates().select_related("forum").order_by("pk"),
                to_attr="published_mandates",
            )
        )
        .order_by("pk")
    )


def person_was_published(pk):
    return Mandate.history.filter(person_id=pk, forum_id__in=ever_public_forum_ids()).exists()


# --- meetings, agenda items, cases, files ---------------------------------------------------


def _sealed_minutes():
    minutes = Minutes.objects.filter(status=Minutes.Status.APPROVED, seal__isnull=False)
    size = Length("seal__pdf")
    if connection.vendor == "postgresql":
        return minutes.annotate(pdf_size=size, pdf_sha512=Sha512Hex(F("seal__pdf")))
    return minutes.annotate(pdf_size=size)


def files(*, body=None):
    """The sealed PDFs of approved minutes of public forums (original minutes and addenda)."""
    queryset = _sealed_minutes().filter(meeting__forum__in=public_forum_ids())
    if body is not None:
        queryset = queryset.filter(meeting__forum__structure=body)
    approvals = MinutesApproval.objects.select_related("person").order_by("approved_at", "pk")
    return with_times(
        queryset.select_related("meeting", "meeting__forum", "seal")
        .defer("seal__pdf", "seal__snapshot", "body")
        .prefetch_related(Prefetch("approvals", queryset=approvals))
        .order_by("pk")
    )


def file_sha512(minutes):
    """Where the database did not compute it (SQLite): read the PDF."""
    import hashlib

    pdf = Minutes.objects.filter(pk=minutes.pk).values_list("seal__pdf", flat=True).first()
    return hashlib.sha512(bytes(pdf)).hexdigest()


def _approved_original_minutes():
    return Minutes.objects.filter(
        meeting=OuterRef("pk"), status=Minutes.Status.APPROVED, amends__isnull=True
    )


def published_agenda_items(*, body=None):
    """Agenda items of meetings of public forums whose minutes are approved."""
    queryset = AgendaItem.objects.filter(
        meeting__forum__in=public_forum_ids(),
        meeting__minutes__status=Minutes.Status.APPROVED,
        meeting__minutes__amends__isnull=True,
    )
    if body is not None:
        queryset = queryset.filter(meeting__forum__structure=body)
    return queryset


def agenda_items(*, body=None):
    return with_times(
        published_agenda_items(body=body)
        .select_related("meeting", "meeting__forum", "decision", "case")
        .order_by("pk")
    )


def meetings(*, body=None, forum=None):
    queryset = Meeting.objects.filter(forum__in=public_forum_ids())
    if body is not None:
        queryset = queryset.filter(forum__structure=body)
    if forum is not None:
        queryset = queryset.filter(forum=forum)
    items = AgendaItem.objects.select_related(
        "decision", "case", "meeting", "meeting__forum"
    ).order_by("order", "pk")
    minutes = files().filter(meeting__forum__in=public_forum_ids()).order_by("created_at", "pk")
    return with_times(
        queryset.annotate(has_record=Exists(_approved_original_minutes()))
        .select_related("forum", "forum__structure")
        .prefetch_related(
            Prefetch("agenda_items", queryset=items, to_attr="all_items"),
            Prefetch("minutes", queryset=minutes, to_attr="sealed_minutes"),
        )
        .order_by("pk")
    )


def meeting_was_published(pk):
    return Meeting.history.filter(id=pk, forum_id__in=ever_public_forum_ids()).exists()


def meeting_deleted_at(pk):
    row = Meeting.history.filter(id=pk, history_type="-").order_by("-history_date").first()
    return row.history_date if row else None


def published_cases():
    return Case.objects.filter(agenda_items__in=published_agenda_items()).distinct()


def papers(*, body=None):
    """Cases handled at a published meeting (see the module's docstring), with the
    consultations the public record shows: their published agenda items."""
    queryset = Case.objects.filter(
        pk__in=published_agenda_items(body=body).filter(case__isnull=False).values("case")
    )
    items = (
        published_agenda_items()
        .select_related("meeting", "meeting__forum", "decision")
        .order_by("meeting__starts_at", "pk")
    )
    return with_times(
        queryset.select_related("organisation")
        .prefetch_related(Prefetch("agenda_items", queryset=items, to_attr="consultations"))
        .order_by("pk")
    )


def body_years(body):
    """(first, last) calendar year of the body's published mandates and meetings."""
    today = datetime.date.today()
    mandate = published_mandates().filter(forum__structure=body).aggregate(y=Min("valid_from"))
    meeting = Meeting.objects.filter(forum__in=public_forum_ids(), forum__structure=body).aggregate(
        first=Min("starts_at"), last=Max("starts_at")
    )
    starts = [d.year for d in (mandate["y"], meeting["first"]) if d]
    last = max([today.year] + ([meeting["last"].year] if meeting["last"] else []))
    return (min(starts) if starts else today.year), last
