"""The yearly cycle's part of the secretariat's work inbox: annual reports to draft (a forum
that met last year and has no report for it) and adopted reports not yet sent to the body
the forum reports to. One query each, whatever the number of rows."""

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from forums.inbox import AGO, CAP, NOW, Entry, as_date, capped, today
from forums.models import Forum
from meetings.models import Meeting

from .models import AnnualReport


def annual_reports_to_draft(*, forum_ids):
    """Forums that held meetings last year and have no annual report for it, by name."""
    year = today().year - 1
    held = Meeting.objects.filter(
        forum=OuterRef("pk"), status=Meeting.Status.HELD, starts_at__year=year
    )
    report = AnnualReport.objects.filter(forum=OuterRef("pk"), year=year)
    forums = (
        Forum.objects.filter(pk__in=forum_ids)
        .filter(Exists(held))
        .exclude(Exists(report))
        .order_by("name", "id")[: CAP + 1]
    )

    def entry(forum):
        return Entry(
            kind="annual_reports_to_draft",
            title=forum.name,
            url=reverse("cycle:annual_report_create", kwargs={"slug": forum.slug}),
            on=datetime.date(year, 12, 31),
            mode=NOW,
            detail=_("no annual report for %(year)s yet") % {"year": year},
        )

    return capped("annual_reports_to_draft", forums, entry)


def annual_reports_to_send(*, forum_ids):
    """Adopted annual reports not yet marked as sent, oldest adoption first."""
    reports = (
        AnnualReport.objects.filter(
            forum_id__in=forum_ids, status=AnnualReport.Status.ADOPTED, sent_on__isnull=True
        )
        .select_related("forum__reports_to_forum", "forum__principal_body")
        .order_by("adopted_at", "id")[: CAP + 1]
    )

    def entry(report):
        return Entry(
            kind="annual_reports_to_send",
            title=str(report),
            url=reverse("cycle:annual_report_sent", kwargs={"pk": report.pk}),
            on=as_date(report.adopted_at),
            mode=AGO,
            verb="waiting",
            detail=_("to send to %(body)s") % {"body": report.forum.reports_to_name}
            if report.forum.reports_to_name
            else "",
        )

    return capped("annual_reports_to_send", reports, entry)
