"""The notice e-mail of a meeting: the agenda in the text and the meeting as an .ics file."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kernel.services import email_send_once
from mandates.models import Mandate
from mandates.permissions import mandates_in_force

from .ical import meeting_ics
from .models import Meeting

NOTICE_ROLES = (
    Mandate.Role.CHAIR,
    Mandate.Role.VICE_CHAIR,
    Mandate.Role.MEMBER,
    Mandate.Role.DEPUTY,
    Mandate.Role.SECRETARY,
)
SUBJECTS = {
    "convened": lambda m: _("Notice: %(meeting)s") % {"meeting": m},
    "changed": lambda m: _("Changed: %(meeting)s") % {"meeting": m},
    "cancelled": lambda m: _("Cancelled: %(meeting)s") % {"meeting": m},
}


def notice_recipients(meeting):
    """Every member and deputy (and chair, vice chair, secretary) with a mandate in force,
    and the people co-opted for an item."""
    mandates = mandates_in_force().filter(forum=meeting.forum, role__in=NOTICE_ROLES)
    people = {m.person_id: m.person for m in mandates.select_related("person")}
    for item in meeting.agenda_items.prefetch_related("co_opted"):
        for person in item.co_opted.all():
            people.setdefault(person.pk, person)
    return [person for person in people.values() if person.email and person.is_active]


def notice_key(meeting_id, kind, sequence):
    """The event a notice e-mail belongs to: one meeting, one kind, one calendar SEQUENCE."""
    return f"meeting-notice:{meeting_id}:{kind}:{sequence}"


def meeting_notice_send_now(*, meeting_id, kind, sequence=None):
    """E-mail the notice to everyone who should get it and has not got it yet.

    `sequence` is the meeting's calendar SEQUENCE when the notice was queued (the current
    one if not given): with the kind it names the notice, so that a task run again (a
    retry after a failed e-mail, a redelivery after a worker died) e-mails only the people
    it has not reached, and a later change is a notice of its own. Returns how many
    e-mails were sent now.
    """
    meeting = Meeting.objects.select_related("forum").get(pk=meeting_id)
    if sequence is None:
        sequence = meeting.ical_sequence
    key = notice_key(meeting.pk, kind, sequence)
    agenda = list(meeting.agenda_items.order_by("order", "id"))
    ics = meeting_ics(meeting, agenda=agenda)
    method = "CANCEL" if meeting.status == Meeting.Status.CANCELLED else "PUBLISH"
    sent = 0
    with translation.override("sv"):
        subject = SUBJECTS[kind](meeting)
        body = render_to_string(
            "meetings/email/notice.txt", {"meeting": meeting, "agenda": agenda, "kind": kind}
        )
    for person in notice_recipients(meeting):
        message = EmailMessage(subject=subject, body=body, to=[person.email])
        message.attach(f"meeting-{meeting.pk}.ics", ics, f"text/calendar; method={method}")
        if email_send_once(key=key, recipient=person, message=message):
            sent += 1
    return sent
