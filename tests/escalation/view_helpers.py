"""Helpers shared by the test_views modules."""

from django.urls import reverse


def _urls(case):
    attachment = case.attachments.get()
    reference = case.reference
    return {
        "detail": reverse("escalation:case_detail", args=[reference]),
        "history": reverse("escalation:case_history", args=[reference]),
        "download": reverse("escalation:attachment_download", args=[reference, attachment.pk]),
        "attach": reverse("escalation:attachment_add", args=[reference]),
    }
