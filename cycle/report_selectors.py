"""Reads of the annual report pages, always scoped to the user: a report one may not read is
a 404 (as one that does not exist); read but not to be drafted, a 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from meetings.models import Meeting

from .models import AnnualReport, AnnualReportSeal
from .permissions import READ


def annual_report_get_readable(*, user, pk, action=READ):
    """The report if the user may read it (else 404) and, with action=DRAFT, draft it (else
    403)."""
    queryset = AnnualReport.objects.select_related(
        "forum__structure",
        "forum__reports_to_forum",
        "forum__principal_body",
        "agenda_item__meeting",
        "created_by",
    )
    report = queryset.restrict(user, READ).filter(pk=pk).first()
    if report is None:
        raise Http404
    if action != READ and not AnnualReport.objects.restrict(user, action).filter(pk=pk).exists():
        raise PermissionDenied
    return report


def annual_report_get_public(*, pk):
    """An adopted report of a public forum, for anyone."""
    report = (
        AnnualReport.objects.select_related("forum__structure", "agenda_item__meeting")
        .filter(
            pk=pk,
            status=AnnualReport.Status.ADOPTED,
            forum__is_public=True,
            forum__structure__archived_at__isnull=True,
        )
        .first()
    )
    if report is None:
        raise Http404
    return report


def seal_of(report):
    """The report's seal without its PDF bytes, or None."""
    return AnnualReportSeal.objects.defer("pdf").filter(report=report).first()


def reports_of_forum(*, user, forum):
    """The forum's annual reports the user may read, latest year first (one query)."""
    return list(
        AnnualReport.objects.restrict(user, READ).filter(forum=forum).order_by("-year", "-id")
    )


def adopted_reports_of_forum(forum):
    return list(
        AnnualReport.objects.filter(forum=forum, status=AnnualReport.Status.ADOPTED).order_by(
            "-year", "-id"
        )
    )


def coming_meetings_of(forum):
    """The forum's meetings still to be held (planned or convened), soonest first."""
    return Meeting.objects.filter(
        forum=forum,
        status__in=(Meeting.Status.PLANNED, Meeting.Status.CONVENED),
        starts_at__gte=timezone.now(),
    ).order_by("starts_at", "id")
