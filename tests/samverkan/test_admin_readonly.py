"""The Django admin is for looking at the record, never for changing it (kernel.admin).

The walk goes over `admin.site._registry`, so an admin registered later is checked without
being listed here: as a superuser, every write the admin offers (add, change, delete, the bulk
delete action, simple-history's revert, and a POST to any view of the model's admin) is refused
with a 403 and changes no row, while the change list, the detail (view) page and the history
answer 200. A model without a row in `one_of_each` fails until it gets one.
"""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cycle.models import (
    ActionPlan,
    Activity,
    DirectionDocument,
    DirectionDocumentVersion,
    PriorityArea,
    PrioritySet,
)
from escalation.models import CaseReferenceCounter
from forums.models import CharterVersion
from kernel.admin import ReadOnlyAdmin
from mandates.models import Invitation, MandateImport
from meetings import services
from meetings.models import AgendaItem, Decision, Meeting, Minutes, MinutesApproval
from samverkan.two_factor.models import TwoFactorEvent
from tests.cycle.report_helpers import quick_adopted
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AssignmentItemFactory,
    AttendanceFactory,
    CaseAttachmentFactory,
    CaseEventFactory,
    DecisionFactory,
    FollowFactory,
    MandateFactory,
    MeetingFactory,
    MinutesApprovalFactory,
    MinutesFactory,
    NotificationFactory,
    OrganisationFactory,
    PartyFactory,
    SeatFactory,
    UserFactory,
)
from tests.two_factor.helpers import set_up_two_factors

pytestmark = pytest.mark.django_db

# Third-party admins that are not the record: axes' lockout records (deleting an access
# attempt is how an operator unlocks an account, as `manage.py axes_reset` does).
OUTSIDE_THE_RECORD = {"axes"}

REGISTERED = sorted(
    (
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label not in OUTSIDE_THE_RECORD
    ),
    key=lambda pair: pair[0]._meta.label,
)
IDS = [model._meta.label for model, _ in REGISTERED]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def superuser(db):
    return UserFactory(username="rot", is_staff=True, is_superuser=True)


@pytest.fixture
def su_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def one_of_each(superuser):
    """At least one row of every registered model, each with its history."""
    NotificationFactory(recipient=superuser)
    TwoFactorEvent.objects.create(
        user=superuser, actor=superuser, kind=TwoFactorEvent.Kind.CODES_REGENERATED
    )
    PartyFactory()
    AssignmentItemFactory()
    seat = SeatFactory()
    CharterVersion.objects.create(forum=seat.forum, number=1, purpose="Syfte", created_by=superuser)
    mandate = MandateFactory(forum=seat.forum)
    Invitation.objects.create(
        person=mandate.person, invited_by=superuser, base_url="https://samverkan.example"
    )
    MandateImport.objects.create(
        structure=seat.forum.structure,
        uploaded_by=superuser,
        file="mandate-imports/2026/uppdrag.xlsx",
        file_name="uppdrag.xlsx",
    )
    event = CaseEventFactory()
    CaseAttachmentFactory(case=event.case)
    FollowFactory(case=event.case, user=superuser)
    CaseReferenceCounter.objects.create(prefix="SAM", year=2026, last_number=1)
    meeting = MeetingFactory(forum=seat.forum)
    AttendanceFactory(meeting=meeting, person=mandate.person, mandate=mandate)
    DecisionFactory(agenda_item=AgendaItemFactory(meeting=meeting, kind=AgendaItem.Kind.DECISION))
    MinutesApprovalFactory(minutes=MinutesFactory(status=Minutes.Status.IN_APPROVAL))
    ActionItemFactory(meeting=meeting)
    _cycle_rows(seat.forum, superuser)


def _cycle_rows(forum, user):
    """One of each model of the yearly cycle (an adopted report with its seal)."""
    priorities = PrioritySet.objects.create(forum=forum, year=2026, created_by=user)
    PriorityArea.objects.create(priority_set=priorities, title="Kunskapsstöd")
    plan = ActionPlan.objects.create(forum=forum, year=2026, created_by=user)
    Activity.objects.create(plan=plan, title="Ta fram en vägledning")
    document = DirectionDocument.objects.create(
        forum=forum, agency=OrganisationFactory(), group=forum, title="Inriktning", created_by=user
    )
    DirectionDocumentVersion.objects.create(
        document=document, number=1, text="Text", review_on="2027-06-30", created_by=user
    )
    quick_adopted(forum, user, 2025)


def _snapshot():
    """Every row of every registered model and of its history, and the admin's own log."""
    state = {"admin log": LogEntry.objects.count()}
    for model, _ in REGISTERED:
        state[model._meta.label] = list(model._default_manager.order_by("pk").values())
        history = getattr(model, "history", None)
        if history is not None:
            state[f"{model._meta.label} history"] = history.count()
    return state


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def _refused(response):
    return response.status_code == 403


def test_every_registered_domain_admin_is_read_only_by_construction():
    assert REGISTERED
    for model, model_admin in REGISTERED:
        assert isinstance(model_admin, ReadOnlyAdmin), model._meta.label


def test_groups_are_not_in_the_admin():
    """Permissions come from mandates; groups are not used, so they are not offered."""
    assert not admin.site.is_registered(Group)


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_admin_refuses_every_write_even_to_a_superuser(
    su_client, superuser, one_of_each, model, model_admin
):
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"give {model._meta.label} a row in one_of_each"
    version = obj.history.order_by("history_id").first()
    assert version is not None, f"{model._meta.label} has no history to look at"
    pk = obj.pk
    before = _snapshot()

    request = _request(superuser)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, obj)
    assert not model_admin.has_delete_permission(request, obj)
    assert model_admin.get_actions(request) == {}
    assert model_admin.revert_disabled(request, obj)
    for inline in model_admin.get_inline_instances(request, obj):
        assert not inline.has_add_permission(request, obj), inline
        assert not inline.has_change_permission(request, obj), inline
        assert not inline.has_delete_permission(request, obj), inline

    data = {"body": "Ändrat i admin", "title": "Ändrat i admin", "name": "Ändrat i admin"}
    refused = {
        "add GET": su_client.get(_url(model, "add")),
        "add POST": su_client.post(_url(model, "add"), data),
        "change POST": su_client.post(_url(model, "change", pk), data),
        "delete GET": su_client.get(_url(model, "delete", pk)),
        "delete POST": su_client.post(_url(model, "delete", pk), {"post": "yes"}),
        "bulk delete": su_client.post(
            _url(model, "changelist"),
            {"action": "delete_selected", "_selected_action": [pk], "index": 0, "post": "yes"},
        ),
        "revert GET": su_client.get(_url(model, "simple_history", pk, version.history_id)),
        "revert POST": su_client.post(_url(model, "simple_history", pk, version.history_id), data),
    }
    # Any other view of this model's admin (the user's password form, a view added later).
    for pattern in model_admin.get_urls():
        if pattern.name:
            args = (pk, version.history_id)[: pattern.pattern.regex.groups]
            url = reverse(f"admin:{pattern.name}", args=args)
            refused[f"POST {pattern.name}"] = su_client.post(url, data)
    allowed = [name for name, response in refused.items() if not _refused(response)]
    assert not allowed, f"{model._meta.label}: not refused: {allowed}"
    assert _snapshot() == before

    for url in (
        _url(model, "changelist"),
        _url(model, "changelist") + "?q=a",
        _url(model, "change", pk),
        _url(model, "history", pk),
    ):
        response = su_client.get(url)
        assert response.status_code == 200, url
    page = su_client.get(_url(model, "change", pk)).content.decode()
    assert 'name="_save"' not in page and _url(model, "delete", pk) not in page
    history = su_client.get(_url(model, "history", pk)).content.decode()
    assert _url(model, "simple_history", pk, version.history_id) not in history
    assert _snapshot() == before


def test_a_superuser_logs_in_to_the_admin_and_looks(client, one_of_each):
    """The first superuser (`createsuperuser`, the demo's `admin`) still gets in to look,
    once they have set up their second factor."""
    UserFactory(username="forste", is_staff=True, is_superuser=True)
    response = client.post(
        reverse("admin:login"), {"username": "forste", "password": "pw", "next": "/admin/"}
    )
    assert response.status_code == 302 and response.url == "/admin/"
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor:setup"))
    set_up_two_factors(client)
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_index_lists_the_models_to_look_at_and_offers_no_add(su_client, one_of_each):
    page = su_client.get(reverse("admin:index")).content.decode()
    for model, _ in REGISTERED:
        assert _url(model, "changelist") in page
        assert _url(model, "add") not in page


def test_staff_with_every_model_permission_still_cannot_write(client, one_of_each):
    """Model permissions do not open the admin for writing either."""
    staff = UserFactory(is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    client.force_login(staff)
    for model, _ in REGISTERED:
        obj = model._default_manager.order_by("pk").first()
        assert client.get(_url(model, "changelist")).status_code == 200
        assert client.get(_url(model, "add")).status_code == 403
        assert client.post(_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
        assert model._default_manager.filter(pk=obj.pk).exists()


def test_autocomplete_still_answers_for_looking(su_client, one_of_each):
    """The related admins' search (autocomplete) stays available to those who look."""
    checked = 0
    for model, model_admin in REGISTERED:
        for field_name in model_admin.autocomplete_fields:
            response = su_client.get(
                reverse("admin:autocomplete"),
                {
                    "app_label": model._meta.app_label,
                    "model_name": model._meta.model_name,
                    "field_name": field_name,
                    "term": "",
                },
            )
            assert response.status_code == 200, (model._meta.label, field_name)
            checked += 1
    assert checked


# The record itself: approved minutes and the decisions of their meeting.


@pytest.fixture
def sealed(tactical_forum, chair_user, secretariat_user):
    """A held meeting with a decision, whose minutes the chair approved (through services)."""
    start = (timezone.now() - datetime.timedelta(days=2)).replace(minute=0, second=0)
    meeting = MeetingFactory(
        forum=tactical_forum, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    actor = secretariat_user
    services.meeting_convene(actor=actor, meeting=meeting)
    item = services.agenda_item_add(
        actor=actor, meeting=meeting, title="Beslutspunkt", kind=AgendaItem.Kind.DECISION
    )
    services.meeting_mark_held(actor=actor, meeting=meeting)
    decision = services.decision_record(
        actor=actor, item=item, outcome=Decision.Outcome.DECIDED, consensus=True, text="Beslutat."
    )
    minutes = services.minutes_draft(actor=actor, meeting=meeting)
    services.minutes_submit(actor=actor, minutes=minutes)
    services.minutes_approve(actor=chair_user, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    return minutes, decision


def test_approved_minutes_cannot_be_reverted_to_an_earlier_version(su_client, sealed):
    minutes, _ = sealed
    versions = list(minutes.history.order_by("history_id"))
    assert len(versions) >= 3 and versions[0].status == Minutes.Status.DRAFT
    approvals = list(MinutesApproval.objects.filter(minutes=minutes).values())
    history_page = su_client.get(_url(Minutes, "history", minutes.pk))
    assert history_page.status_code == 200
    for version in versions:
        url = _url(Minutes, "simple_history", minutes.pk, version.history_id)
        assert url not in history_page.content.decode()
        assert su_client.get(url).status_code == 403
        response = su_client.post(url, {"body": version.body, "status": version.status})
        assert response.status_code == 403
    response = su_client.post(_url(Minutes, "change", minutes.pk), {"status": "draft"})
    assert response.status_code == 403
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED and minutes.approved_at is not None
    assert minutes.history.count() == len(versions)
    assert list(MinutesApproval.objects.filter(minutes=minutes).values()) == approvals


def test_decision_of_a_meeting_with_approved_minutes_cannot_be_deleted(su_client, sealed):
    minutes, decision = sealed
    meeting = minutes.meeting
    for model, pk in (
        (Decision, decision.pk),
        (AgendaItem, decision.agenda_item_id),
        (Meeting, meeting.pk),
        (Minutes, minutes.pk),
    ):
        assert su_client.get(_url(model, "delete", pk)).status_code == 403
        assert su_client.post(_url(model, "delete", pk), {"post": "yes"}).status_code == 403
        response = su_client.post(
            _url(model, "changelist"),
            {"action": "delete_selected", "_selected_action": [pk], "index": 0, "post": "yes"},
        )
        assert response.status_code == 403
    assert Decision.objects.filter(pk=decision.pk, text="Beslutat.").exists()
    assert Meeting.objects.filter(pk=meeting.pk, status=Meeting.Status.HELD).exists()
