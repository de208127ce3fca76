"""Turning the public record into OParl 1.1 objects (plain dicts, JSON-ready).

Every object names others only by their OParl URLs, and only objects the selectors
publish. Vendor extensions carry the `samverkan:` prefix.
"""

from django.urls import reverse
from django.utils import timezone

from forums.models import Organisation
from mandates.models import Mandate
from meetings.models import Decision

from . import selectors

SCHEMA = "https://schema.oparl.org/1.1/"
VENDOR = "samverkan:"
INSTITUTION_KINDS = {
    Organisation.Kind.REGION,
    Organisation.Kind.AGENCY,
    Organisation.Kind.MUNICIPALITY,
    Organisation.Kind.MUNICIPAL_ASSOCIATION,
    Organisation.Kind.POLITICAL_BODY,
}
TIERS = {1: "strategic", 2: "tactical", 3: "operative"}
VOTING_ROLES = set(Mandate.SEAT_ROLES)


class Urls:
    """Absolute OParl URLs for one request."""

    def __init__(self, request):
        self.request = request

    def __call__(self, name, *args):
        return self.request.build_absolute_uri(reverse(f"oparl:{name}", args=args))

    def page(self, name, *args):
        return self.request.build_absolute_uri(reverse(name, args=args))


def _time(value):
    return timezone.localtime(value).isoformat() if value else None


def _base(urls, kind, name, pk, obj, *args):
    data = {"id": urls(name, pk, *args), "type": SCHEMA + kind}
    for key in ("created", "modified"):
        value = getattr(obj, key, None)
        if value:
            data[key] = _time(value)
    return data


def tombstone(urls, kind, name, pk, *, created=None, modified=None):
    """What a published object that is no longer published answers: id, type, times."""
    data = {"id": urls(name, pk), "type": SCHEMA + kind, "deleted": True}
    if created:
        data["created"] = _time(created)
    data["modified"] = _time(modified or timezone.now())
    return data


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def system(urls):
    return {
        "id": urls("system"),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "name": "Samverkan",
        "body": urls("body_list"),
        "website": urls.page("public_forums:forum_list"),
        "web": urls.page("public_forums:forum_list"),
        "product": urls.page("public_forums:forum_list"),
    }


def body(urls, structure, terms):
    if not structure.has_public or structure.archived_at:
        return tombstone(
            urls, "Body", "body", structure.pk,
            created=structure.created, modified=structure.archived_at or structure.modified,
        )  # fmt: skip
    pk = structure.pk
    data = _base(urls, "Body", "body", pk, structure)
    data.update(
        system=urls("system"),
        name=structure.name,
        shortName=structure.slug,
        website=urls.page("public_forums:forum_list"),
        classification="Samverkansstruktur",
        organization=urls("body_organizations", pk),
        person=urls("body_people", pk),
        meeting=urls("body_meetings", pk),
        paper=urls("body_papers", pk),
        membership=urls("body_memberships", pk),
        file=urls("body_files", pk),
        legislativeTermList=urls("body_terms", pk),
        legislativeTerm=[legislative_term(urls, structure, year) for year in terms],
    )
    data[VENDOR + "partnership"] = structure.is_partnership
    return _clean(data) | {"legislativeTerm": data["legislativeTerm"]}


def legislative_term(urls, structure, year):
    """A term is a calendar year: the portal's cycle (action plan, annual report, priority
    areas, chair rotation) is yearly, and mandates run for terms set per forum."""
    return {
        "id": urls("term", structure.pk, year),
        "type": SCHEMA + "LegislativeTerm",
        "body": urls("body", structure.pk),
        "name": str(year),
        "startDate": f"{year}-01-01",
        "endDate": f"{year}-12-31",
    }


def forum_is_public(forum):
    return forum.is_public and forum.structure.archived_at is None


def forum(urls, forum):
    if not forum_is_public(forum):
        return tombstone(urls, "Organization", "forum", forum.pk,
                         created=forum.created, modified=forum.modified)  # fmt: skip
    data = _base(urls, "Organization", "forum", forum.pk, forum)
    parent = forum.escalates_to
    data.update(
        body=urls("body", forum.structure_id),
        name=forum.name,
        shortName=forum.short_name,
        organizationType="Gremium",
        classification=forum.get_kind_display(),
        subOrganizationOf=urls("forum", parent.pk) if parent and forum_is_public(parent) else None,
        startDate=forum.active_from.isoformat() if forum.active_from else None,
        endDate=forum.active_to.isoformat() if forum.active_to else None,
        meeting=urls("forum_meetings", forum.pk),
        membership=[urls("membership", m.pk) for m in forum.published_mandates],
        website=urls.page("public_forums:forum_detail", forum.slug),
        web=urls.page("public_forums:forum_detail", forum.slug),
    )
    data[VENDOR + "tier"] = TIERS[forum.tier]
    data[VENDOR + "decisionRule"] = forum.decision_rule
    data[VENDOR + "minutesApproval"] = forum.minutes_approval
    return _clean(data)


def organisation(urls, organisation):
    data = _base(urls, "Organization", "organisation", organisation.pk, organisation)
    kind = "Institution" if organisation.kind in INSTITUTION_KINDS else "Sonstiges"
    data.update(
        name=organisation.name,
        shortName=organisation.short_name,
        organizationType=kind,
        classification=organisation.get_kind_display(),
        website=organisation.website,
        endDate=organisation.archived_at.date().isoformat() if organisation.archived_at else None,
    )
    return _clean(data)


def membership(urls, mandate, *, with_person=True):
    data = _base(urls, "Membership", "membership", mandate.pk, mandate)
    data.update(
        person=urls("person", mandate.person_id) if with_person else None,
        organization=urls("forum", mandate.forum_id),
        role=mandate.get_role_display(),
        votingRight=mandate.role in VOTING_ROLES,
        startDate=mandate.valid_from.isoformat(),
        endDate=mandate.valid_to.isoformat() if mandate.valid_to else None,
        onBehalfOf=(
            urls("organisation", mandate.organisation_id) if mandate.organisation_id else None
        ),
    )
    data[VENDOR + "status"] = mandate.status
    return _clean(data)


def person(urls, person):
    """Only what the public page shows: the name, and the e-mail and phone if published."""
    data = _base(urls, "Person", "person", person.pk, person)
    data.update(
        name=person.get_full_name() or person.username,
        familyName=person.last_name,
        givenName=person.first_name,
        email=[person.email] if person.publish_email and person.email else None,
        phone=[person.phone] if person.publish_phone and person.phone else None,
        membership=[membership(urls, m) for m in person.published_mandates],
    )
    return _clean(data)


def location(urls, meeting):
    return {
        "id": urls("location", meeting.pk),
        "type": SCHEMA + "Location",
        "description": meeting.location,
        "meeting": [urls("meeting", meeting.pk)],
    }


def file(urls, minutes):
    pdf = urls.page("meetings:minutes_pdf", minutes.pk)
    name = "protokoll" if minutes.amends_id is None else "tillägg till protokoll"
    checksum = getattr(minutes, "pdf_sha512", None) or selectors.file_sha512(minutes)
    data = _base(urls, "File", "file", minutes.pk, minutes)
    data.update(
        name=f"{minutes.meeting.display_name}: {name}",
        fileName=f"protokoll-{minutes.pk}.pdf",
        mimeType="application/pdf",
        date=timezone.localdate(minutes.approved_at).isoformat(),
        size=minutes.pdf_size,
        sha512Checksum=checksum,
        accessUrl=pdf,
        downloadUrl=pdf,
        meeting=[urls("meeting", minutes.meeting_id)],
    )
    data[VENDOR + "sha256"] = minutes.seal.pdf_sha256
    data[VENDOR + "sealed"] = _time(minutes.seal.sealed_at)
    data[VENDOR + "approvals"] = [
        {
            "name": approval.person.get_full_name() or approval.person.username,
            "role": approval.get_role_display(),
            "approvedAt": _time(approval.approved_at),
        }
        for approval in minutes.approvals.all()
    ]
    return _clean(data)


def _result(item):
    return getattr(item, "decision", None)


def agenda_item(urls, item):
    decision = _result(item)
    data = _base(urls, "AgendaItem", "agenda_item", item.pk, item)
    data.update(
        meeting=urls("meeting", item.meeting_id),
        number=str(item.order),
        order=item.order,
        name=item.title,
        public=True,
        consultation=urls("consultation", item.pk) if item.case_id else None,
        result=decision.get_outcome_display() if decision else None,
        resolutionText=decision.text if decision else None,
        start=_time(item.meeting.starts_at),
    )
    data[VENDOR + "kind"] = item.kind
    if decision:
        data[VENDOR + "outcome"] = decision.outcome
        data[VENDOR + "jointPosition"] = decision.is_joint_position
    return _clean(data)


def consultation(urls, item):
    decision = _result(item)
    data = _base(urls, "Consultation", "consultation", item.pk, item)
    data.update(
        paper=urls("paper", item.case_id),
        agendaItem=urls("agenda_item", item.pk),
        meeting=urls("meeting", item.meeting_id),
        organization=[urls("forum", item.meeting.forum_id)],
        authoritative=bool(decision and decision.outcome == Decision.Outcome.DECIDED),
        role=decision.get_outcome_display() if decision else item.get_kind_display(),
    )
    data[VENDOR + "tier"] = TIERS[item.meeting.forum.tier]
    return _clean(data)


def meeting(urls, meeting):
    sealed = meeting.sealed_minutes
    original = next((m for m in sealed if m.amends_id is None), None)
    items = meeting.all_items if meeting.has_record else []
    data = _base(urls, "Meeting", "meeting", meeting.pk, meeting)
    data.update(
        name=meeting.display_name,
        meetingState=meeting.status,
        cancelled=meeting.status == meeting.Status.CANCELLED,
        start=_time(meeting.starts_at),
        end=_time(meeting.ends_at),
        location=location(urls, meeting) if meeting.location else None,
        organization=[urls("forum", meeting.forum_id)],
        resultsProtocol=file(urls, original) if original else None,
        auxiliaryFile=[file(urls, m) for m in sealed if m.amends_id is not None],
        agendaItem=[agenda_item(urls, item) for item in items],
    )
    data[VENDOR + "kind"] = meeting.kind
    return _clean(data)


def paper(urls, case):
    data = _base(urls, "Paper", "paper", case.pk, case)
    first = case.consultations[0] if case.consultations else None
    data.update(
        body=urls("body", first.meeting.forum.structure_id) if first else None,
        name=case.title,
        reference=case.reference,
        date=timezone.localdate(case.created_at).isoformat(),
        paperType="Ärende",
        originatorOrganization=[urls("organisation", case.organisation_id)]
        if case.organisation_id
        else None,
        consultation=[consultation(urls, item) for item in case.consultations],
    )
    return _clean(data)
