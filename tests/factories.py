import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from escalation.models import Case, CaseAttachment, CaseEvent, Follow
from forums.models import AssignmentItem, Forum, Organisation, Party, Seat, Structure
from kernel.models import Notification, User
from mandates.models import Mandate
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Minutes,
    MinutesApproval,
)


def _add_m2m(manager, extracted):
    if extracted:
        manager.add(*extracted)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("pw")


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = Notification.Kind.CASE
    title = factory.Sequence(lambda n: f"Notification {n}")
    body = "Something happened."


class StructureFactory(DjangoModelFactory):
    class Meta:
        model = Structure
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-{n}")

    @factory.post_generation
    def secretariat_organisations(self, create, extracted, **kwargs):
        if create:
            _add_m2m(self.secretariat_organisations, extracted)

    @factory.post_generation
    def secretariat_staff(self, create, extracted, **kwargs):
        if create:
            _add_m2m(self.secretariat_staff, extracted)


class PartyFactory(DjangoModelFactory):
    class Meta:
        model = Party

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Party {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    short_name = factory.Sequence(lambda n: f"O{n}")
    kind = Organisation.Kind.MUNICIPALITY

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            _add_m2m(self.parties, extracted)


class ForumFactory(DjangoModelFactory):
    """Strategic by default. `tactical=True` / `operative=True` build the chain above it;
    a forum given `escalates_to` is put in that forum's structure."""

    class Meta:
        model = Forum

    class Params:
        tactical = factory.Trait(
            tier=Forum.Tier.TACTICAL,
            escalates_to=factory.SubFactory("tests.factories.ForumFactory"),
        )
        operative = factory.Trait(
            tier=Forum.Tier.OPERATIVE,
            escalates_to=factory.SubFactory("tests.factories.ForumFactory", tactical=True),
        )

    escalates_to = None
    structure = factory.Maybe(
        "escalates_to",
        yes_declaration=factory.SelfAttribute("escalates_to.structure"),
        no_declaration=factory.SubFactory(StructureFactory),
    )
    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    tier = Forum.Tier.STRATEGIC
    kind = Forum.Kind.STEERING_GROUP
    purpose = "To collaborate."


class AssignmentItemFactory(DjangoModelFactory):
    class Meta:
        model = AssignmentItem

    forum = factory.SubFactory(ForumFactory)
    kind = AssignmentItem.Kind.GENERAL
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Assignment {n}")


class SeatFactory(DjangoModelFactory):
    """A seat for an organisation; pass `organisation=None, party=...` for a party's seat."""

    class Meta:
        model = Seat

    forum = factory.SubFactory(ForumFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    party = None
    count = 1


class MandateFactory(DjangoModelFactory):
    class Meta:
        model = Mandate

    person = factory.SubFactory(UserFactory)
    forum = factory.SubFactory(ForumFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Mandate.Role.MEMBER
    status = Mandate.Status.ACTIVE
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    valid_to = None


class CaseFactory(DjangoModelFactory):
    class Meta:
        model = Case

    reference = factory.Sequence(lambda n: f"SAM-2026-{n + 1:04d}")
    title = factory.Sequence(lambda n: f"Case {n}")
    description = "A question for the forum."
    origin_forum = factory.SubFactory(ForumFactory)
    current_forum = factory.SelfAttribute("origin_forum")
    raised_by = factory.SubFactory(UserFactory)
    status = Case.Status.OPEN
    priority = Case.Priority.NORMAL


class CaseEventFactory(DjangoModelFactory):
    class Meta:
        model = CaseEvent

    case = factory.SubFactory(CaseFactory)
    kind = CaseEvent.Kind.RAISED
    actor = factory.SelfAttribute("case.raised_by")
    to_forum = factory.SelfAttribute("case.current_forum")
    to_status = Case.Status.OPEN


class CaseAttachmentFactory(DjangoModelFactory):
    class Meta:
        model = CaseAttachment

    case = factory.SubFactory(CaseFactory)
    file = factory.django.FileField(filename="note.txt", data=b"A note.\n")
    name = "note.txt"
    content_type = "text/plain"
    size = factory.LazyAttribute(lambda o: o.file.size)
    uploaded_by = factory.SelfAttribute("case.raised_by")


class FollowFactory(DjangoModelFactory):
    class Meta:
        model = Follow

    user = factory.SubFactory(UserFactory)
    case = factory.SubFactory(CaseFactory)


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=14)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    location = "Room 1"
    status = Meeting.Status.PLANNED


class AgendaItemFactory(DjangoModelFactory):
    """`with_case=True` adds a case raised in the meeting's forum."""

    class Meta:
        model = AgendaItem
        skip_postgeneration_save = True

    class Params:
        with_case = factory.Trait(
            kind=AgendaItem.Kind.DECISION,
            case=factory.SubFactory(
                CaseFactory,
                origin_forum=factory.SelfAttribute("..meeting.forum"),
                status=Case.Status.SCHEDULED,
            ),
        )

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    kind = AgendaItem.Kind.INFORMATION
    case = None

    @factory.post_generation
    def co_opted(self, create, extracted, **kwargs):
        if create:
            _add_m2m(self.co_opted, extracted)


class AttendanceFactory(DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)
    mandate = None
    status = Attendance.Status.PRESENT
    stands_in_for = None


class DecisionFactory(DjangoModelFactory):
    class Meta:
        model = Decision

    agenda_item = factory.SubFactory(AgendaItemFactory, kind=AgendaItem.Kind.DECISION)
    outcome = Decision.Outcome.NOTED
    text = "Noted."
    recorded_by = factory.SubFactory(UserFactory)


class MinutesFactory(DjangoModelFactory):
    """`approved=True` gives approved (locked) minutes with the times set."""

    class Meta:
        model = Minutes

    class Params:
        approved = factory.Trait(status=Minutes.Status.APPROVED)

    meeting = factory.SubFactory(MeetingFactory, status=Meeting.Status.HELD)
    amends = None
    body = "Minutes of the meeting."
    status = Minutes.Status.DRAFT
    author = factory.SubFactory(UserFactory)
    submitted_at = factory.LazyAttribute(
        lambda o: None if o.status == Minutes.Status.DRAFT else timezone.now()
    )
    approved_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == Minutes.Status.APPROVED else None
    )


class MinutesApprovalFactory(DjangoModelFactory):
    class Meta:
        model = MinutesApproval

    minutes = factory.SubFactory(MinutesFactory, status=Minutes.Status.IN_APPROVAL)
    person = factory.SubFactory(UserFactory)
    role = MinutesApproval.Role.CHAIR


class ActionItemFactory(DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    agenda_item = None
    title = factory.Sequence(lambda n: f"Action {n}")
    assignee = factory.SubFactory(UserFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = ActionItem.Status.OPEN
    completed_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == ActionItem.Status.DONE else None
    )
