"""A forum's annual report: drafted by the secretariat, its texts written section by section,
put on an agenda, adopted by the forum's decision and then sealed, published and sent to the
principal body the forum reports to."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..figures import SECTION_KEYS
from ..models import AnnualReport
from ..permissions import require_draft

# The fields each service may change (the forms use these lists).
REPORT_CREATE_FIELDS = ("year",)
REPORT_TEXT_FIELDS = ("key", "text")
REPORT_SENT_FIELDS = ("sent_on", "sent_to")

TEXT_MAX_LENGTH = 10_000
FIRST_YEAR = 2000


def _year_or_error(year):
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= this_year + 1:
        raise ValidationError(
            {
                "year": [
                    _("Choose a year from %(first)s to %(last)s.")
                    % {"first": FIRST_YEAR, "last": this_year + 1}
                ]
            }
        )
    return year


@transaction.atomic
def annual_report_create(*, actor, forum, year):
    """The draft annual report of `forum` for calendar `year` (once per forum and year)."""
    require_draft(actor, forum)
    year = _year_or_error(year)
    if AnnualReport.objects.filter(forum=forum, year=year).exists():
        raise ValidationError(
            {
                "year": [
                    _("%(forum)s has an annual report for %(year)s already.")
                    % {"forum": forum, "year": year}
                ]
            }
        )
    report = AnnualReport(forum=forum, year=year, created_by=actor)
    try:
        with transaction.atomic():
            return save_with_history(report, actor=actor, reason="annual report drafted")
    except IntegrityError as error:  # drafted at the same moment by someone else
        raise ValidationError(
            {
                "year": [
                    _("%(forum)s has an annual report for %(year)s already.")
                    % {"forum": forum, "year": year}
                ]
            }
        ) from error


def _locked_draft(actor, report):
    require_draft(actor, report.forum)
    report = AnnualReport.objects.select_for_update().select_related("forum").get(pk=report.pk)
    if report.is_adopted:
        raise DomainError(_("The annual report is adopted and sealed: it can no longer change."))
    return report


@transaction.atomic
def annual_report_text_set(*, actor, report, key, text):
    """The secretariat's text for one section (by its key) of a draft report."""
    if key not in SECTION_KEYS:
        raise ValidationError({"key": [_("There is no such section in an annual report.")]})
    text = (text or "").replace("\x00", "").strip()
    if len(text) > TEXT_MAX_LENGTH:
        raise ValidationError(
            {"text": [_("Keep the text under %(count)s characters.") % {"count": TEXT_MAX_LENGTH}]}
        )
    report = _locked_draft(actor, report)
    texts = dict(report.texts or {})
    if text:
        texts[key] = text
    else:
        texts.pop(key, None)
    report.texts = texts
    return save_with_history(report, actor=actor, reason=f"text of section {key}")


@transaction.atomic
def annual_report_mark_sent(*, actor, report, sent_on, sent_to=""):
    """Record that the adopted report was sent to its principal body on `sent_on`."""
    require_draft(actor, report.forum)
    report = AnnualReport.objects.select_for_update().select_related("forum").get(pk=report.pk)
    if not report.is_adopted:
        raise DomainError(_("Only an adopted annual report is sent to the principal body."))
    if not isinstance(sent_on, datetime.date):
        raise ValidationError({"sent_on": [_("Enter the day it was sent.")]})
    if sent_on > timezone.localdate():
        raise ValidationError({"sent_on": [_("The day it was sent cannot be in the future.")]})
    if sent_on < timezone.localdate(report.adopted_at):
        raise ValidationError({"sent_on": [_("It cannot be sent before it was adopted.")]})
    sent_to = (sent_to or "").strip() or report.forum.reports_to_name
    if not sent_to:
        raise ValidationError({"sent_to": [_("Say whom it was sent to.")]})
    report.sent_on = sent_on
    report.sent_to = sent_to[:200]
    return save_with_history(report, actor=actor, reason="sent to the principal body")
