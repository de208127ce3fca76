"""`manage.py load_demo`: the demo data set, loaded twice, follows the rules it shows.

Loading takes a few seconds, so the module loads it once, inside a transaction that is
rolled back when the module is done; each test runs in a savepoint within it.
"""

import datetime
import re
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cycle.models import ActionPlan, Activity, PriorityArea, PrioritySet
from escalation.models import Case, CaseEvent, Follow
from forums.models import Forum, Structure
from forums.permissions import can_manage_structure
from mandates.models import Mandate
from meetings.models import ActionItem, Decision, Minutes, MinutesApproval
from samverkan.demo.loader import load_demo

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ("sekretariat", "ordforande", "ledamot", "admin")


def run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """What the first `load_demo` printed; the data stays until the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield run_load_demo()
        transaction.set_rollback(True)


def counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def printed_passwords(output):
    """username -> password, read from the table the command prints."""
    passwords = {}
    for line in output.splitlines():
        match = re.match(r"\s*(\S+)\s+(\S+)\s+", line)
        if match and match.group(1) in DEMO_LOGINS:
            passwords[match.group(1)] = match.group(2)
    return passwords


def party_in(organisation, structure):
    parties = list(organisation.parties.filter(structure=structure))
    assert len(parties) <= 1
    return parties[0] if parties else None


def active(forum, role):
    return Mandate.objects.get(forum=forum, role=role, status=Mandate.Status.ACTIVE)


def test_second_run_changes_nothing(demo_output):
    after_first = counts()
    second = run_load_demo()
    assert counts() == after_first
    assert after_first["forums.Forum"] > 0 and after_first["meetings.Meeting"] > 0
    assert printed_passwords(demo_output) == printed_passwords(second)


def test_walking_the_whole_data_set_again_creates_nothing(demo_output):
    before = counts()
    result = load_demo(complete=True)
    assert counts() == before
    assert not result.created


def test_four_structures_on_three_tiers_escalating_one_tier_up(demo_output):
    slugs = {"ehm", "sos", "vg", "pks", "radet"}
    assert set(Structure.objects.values_list("slug", flat=True)) == slugs
    for structure in Structure.objects.exclude(slug="radet"):
        assert set(structure.forums.values_list("tier", flat=True)) == {1, 2, 3}
    # Rådet is there for its council only: the body Partnerskapet plans its meetings with.
    assert list(Forum.objects.filter(structure__slug="radet").values_list("tier", flat=True)) == [
        Forum.Tier.STRATEGIC
    ]
    for forum in Forum.objects.select_related("escalates_to"):
        if forum.tier == Forum.Tier.STRATEGIC:
            assert forum.escalates_to is None
        else:
            assert forum.escalates_to.tier == forum.tier - 1
            assert forum.escalates_to.structure_id == forum.structure_id


def test_principal_bodies_and_coordinated_planning(demo_output):
    """Each forum reports to at most one principal body, a forum or an organisation; the
    partnership's strategic and tactical groups plan their meetings with Rådet, and at least
    one of their meetings falls on the same day as one of Rådet's."""
    forums = {f.slug: f for f in Forum.objects.select_related("reports_to_forum", "principal_body")}
    assert forums["sos-lakemedel"].reports_to_forum.slug == "sos-rsl"
    assert forums["vg-beredningsgrupp"].reports_to_forum.slug == "vg-sro"
    assert forums["pks-styrgrupp"].principal_body.name == "Regeringen (via Rådet)"
    assert forums["pks-styrgrupp"].principal_body.kind == "political_body"
    assert forums["sos-rsl"].principal_body.name == "Samverkansnämnden"
    assert not any(f.reports_to_forum_id and f.principal_body_id for f in forums.values())
    radet = forums["radet-radet"]
    assert radet.is_public
    radet_days = {m.starts_at.date() for m in radet.meetings.all()}
    same_day = False
    for slug in ("pks-styrgrupp", "pks-samordningsgrupp"):
        assert list(forums[slug].coordinates_with.all()) == [radet]
        same_day |= bool(radet_days & {m.starts_at.date() for m in forums[slug].meetings.all()})
    assert same_day


def test_the_tactical_group_has_an_adopted_direction_document(demo_output):
    from cycle.models import DirectionDocument
    from cycle.services import direction_current_version

    document = DirectionDocument.objects.get(forum__slug="pks-samordningsgrupp")
    assert document.forum.tier == Forum.Tier.TACTICAL
    assert document.agency.kind == "agency" and document.group.structure == document.forum.structure
    assert direction_current_version(document).number == 1


def test_partnership_is_a_setting_of_the_structure_not_its_number_of_parties(demo_output):
    """Seed 003 makes Partnerskapet's decisions joint positions that bind no party; seed 002's
    preparatory group also has two parties, but its decisions are ordinary decisions."""
    partnership = {s.slug: s.is_partnership for s in Structure.objects.all()}
    assert partnership == {"ehm": False, "sos": False, "vg": False, "pks": True, "radet": False}
    assert Structure.objects.get(slug="vg").parties.count() == 2
    decided = Decision.objects.filter(outcome=Decision.Outcome.DECIDED)
    vg = decided.filter(agenda_item__meeting__forum__structure__slug="vg")
    pks = decided.filter(agenda_item__meeting__forum__structure__slug="pks")
    assert vg.exists() and pks.exists()
    assert not vg.filter(is_joint_position=True).exists()
    assert not pks.filter(is_joint_position=False).exists()
    assert "binder inte" not in " ".join(vg.values_list("text", flat=True))


def test_the_demo_logins_work_with_the_printed_password(client, demo_output):
    passwords = printed_passwords(demo_output)
    assert set(passwords) == set(DEMO_LOGINS)
    for username, password in passwords.items():
        assert password == "samverkan-demo"
        assert client.login(username=username, password=password), username
        client.logout()
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    assert not User.objects.get(username="sekretariat").is_staff
    assert not User.objects.get(username=settings.SYSTEM_USERNAME).has_usable_password()


def test_demo_users_sit_where_the_table_says(demo_output):
    User = get_user_model()
    secretariat = User.objects.get(username="sekretariat")
    assert set(secretariat.secretariat_structures.values_list("slug", flat=True)) >= {"vg", "pks"}
    for slug in ("vg", "pks"):
        assert can_manage_structure(secretariat, Structure.objects.get(slug=slug))

    member = User.objects.get(username="ledamot")
    seats = Mandate.objects.filter(
        person=member, role=Mandate.Role.MEMBER, status=Mandate.Status.ACTIVE
    )
    assert seats.filter(forum__structure__slug="vg", forum__tier=Forum.Tier.OPERATIVE).exists()
    assert seats.filter(forum__structure__slug="pks", forum__tier=Forum.Tier.TACTICAL).exists()
    for seat in seats.select_related("forum"):
        assert member.has_perm("forums.raise_case", seat.forum)
    raised = Case.objects.filter(raised_by=member)
    assert raised.exists()
    assert Follow.objects.filter(user=member, case__in=raised).exists()
    assert ActionItem.objects.filter(assignee=member).exists()
    assert ActionItem.objects.filter(assignee__username="ordforande").exists()


def test_chair_of_the_vg_preparatory_group_is_ordforande_from_the_municipalities(demo_output):
    forum = Forum.objects.get(slug="vg-beredningsgrupp")
    chair = active(forum, Mandate.Role.CHAIR)
    assert chair.person.username == "ordforande"
    assert chair.person.has_perm("forums.lead_forum", forum)
    assert chair.organisation.kind == "municipal_association"
    assert forum.chair_party is not None
    assert party_in(chair.organisation, forum.structure) == forum.chair_party
    assert party_in(chair.person.organisation, forum.structure) == forum.chair_party


def test_vg_chair_and_vice_chair_come_from_different_parties(demo_output):
    """R11, for every forum of Västra Götaland."""
    for forum in Forum.objects.filter(structure__slug="vg"):
        chair = active(forum, Mandate.Role.CHAIR)
        vice = active(forum, Mandate.Role.VICE_CHAIR)
        chair_party = party_in(chair.organisation, forum.structure)
        vice_party = party_in(vice.organisation, forum.structure)
        assert chair_party and vice_party and chair_party != vice_party, forum.slug


def test_chair_rules_hold_in_every_forum(demo_output):
    for forum in Forum.objects.select_related("chair_party", "chair_party_differs_from"):
        assert Mandate.objects.filter(forum=forum, role="chair", status="active").count() == 1
        assert Mandate.objects.filter(forum=forum, role="vice_chair", status="active").count() <= 1
        assert Mandate.objects.filter(forum=forum, role="secretary").exists()
        chair = active(forum, Mandate.Role.CHAIR)
        if forum.chair_party:
            assert party_in(chair.organisation, forum.structure) == forum.chair_party
        if forum.chair_party_differs_from:
            other = active(forum.chair_party_differs_from, Mandate.Role.CHAIR)
            assert party_in(chair.organisation, forum.structure) != party_in(
                other.organisation, forum.structure
            )
        for deputy in Mandate.objects.filter(forum=forum, role=Mandate.Role.DEPUTY):
            assert deputy.deputy_for.forum_id == forum.id
            assert deputy.deputy_for.role == Mandate.Role.MEMBER


def test_every_history_row_is_written_by_the_system_user(demo_output):
    system = get_user_model().objects.get(username=settings.SYSTEM_USERNAME)
    history_models = [
        model
        for model in apps.get_models()
        if any(f.name == "history_user" for f in model._meta.get_fields())
    ]
    assert history_models
    total = 0
    for model in history_models:
        rows = model._default_manager
        total += rows.count()
        assert not rows.exclude(history_user=system).exists(), model._meta.label
        assert not rows.exclude(history_change_reason="Demodata").exists(), model._meta.label
    assert total > 0


def test_minutes_approvals_fit_each_forums_rule(demo_output):
    """R15: the chair; the chair and a member; the chair and a member of the other party."""
    approved = Minutes.objects.filter(status=Minutes.Status.APPROVED).select_related(
        "meeting__forum__structure"
    )
    if timezone.now() >= datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC):
        assert approved.exists()
        assert Minutes.objects.filter(status=Minutes.Status.DRAFT).exists()
    rule_roles = {
        Forum.MinutesApproval.CHAIR: {"chair"},
        Forum.MinutesApproval.CHAIR_AND_MEMBER: {"chair", "member"},
        Forum.MinutesApproval.CHAIR_AND_OTHER_PARTY_MEMBER: {"chair", "other_party_member"},
    }
    for minutes in approved:
        forum = minutes.meeting.forum
        approvals = {a.role: a for a in minutes.approvals.select_related("person")}
        assert set(approvals) == rule_roles[forum.minutes_approval], forum.slug
        chair = active(forum, Mandate.Role.CHAIR)
        assert approvals["chair"].person_id == chair.person_id
        second = approvals.get("member") or approvals.get("other_party_member")
        if second is None:
            continue
        seat = Mandate.objects.get(forum=forum, person=second.person, status="active")
        assert seat.role in Mandate.SEAT_ROLES
        if second.role == MinutesApproval.Role.OTHER_PARTY_MEMBER:
            chair_party = party_in(chair.organisation, forum.structure)
            second_party = party_in(seat.organisation, forum.structure)
            assert chair_party and second_party and chair_party != second_party, forum.slug


def test_cases_reports_and_meetings_of_2026(demo_output):
    references = sorted(Case.objects.values_list("reference", flat=True))
    assert references == [f"SAM-2026-{n:04d}" for n in range(1, 13)]
    for case in Case.objects.select_related("origin_forum", "current_forum"):
        assert case.origin_forum.tier == Forum.Tier.OPERATIVE
        kinds = list(case.events.values_list("kind", flat=True))
        assert kinds[0] == CaseEvent.Kind.RAISED
        if CaseEvent.Kind.ESCALATED in kinds:
            assert case.current_forum == case.origin_forum.escalates_to
            assert case.status == Case.Status.OPEN
            escalation = case.events.get(kind=CaseEvent.Kind.ESCALATED)
            assert escalation.reason and escalation.to_forum == case.current_forum
    assert Case.objects.filter(status=Case.Status.IN_PREPARATION).count() == 4
    assert Case.objects.exclude(current_forum=F("origin_forum")).count() == 4
    for forum in Forum.objects.all():
        meetings = list(forum.meetings.all())
        assert len(meetings) == (forum.min_meetings_per_year or 4)
        for meeting in meetings:
            local = timezone.localtime(meeting.starts_at)  # Europe/Stockholm
            assert (local.year, local.hour, local.minute) == (2026, 9, 0)
            assert meeting.ends_at - meeting.starts_at == datetime.timedelta(hours=3)
            held = meeting.status == "held"
            assert held == (meeting.ends_at <= timezone.now())
            if held:
                items = list(meeting.agenda_items.all())
                assert 3 <= len(items) <= 5
                for item in items:
                    assert hasattr(item, "decision") == (item.kind == "decision")
                assert meeting.attendances.exists()
                assert meeting.minutes.count() == 1


def test_priority_areas_and_action_plans_of_2026_adopted_at_a_held_meeting(demo_output):
    """Partnerskapet's strategic group decides its priority areas; every strategic forum and
    Sydöstra's regional group adopt an action plan, each by a decided item of its first
    meeting, whose sealed minutes carry the decision."""
    priority_sets = PrioritySet.objects.select_related("forum", "agenda_item__meeting")
    assert [(p.forum.slug, p.year) for p in priority_sets] == [("pks-styrgrupp", 2026)]
    plans = ActionPlan.objects.select_related("forum", "agenda_item__meeting")
    # Rådet's council (seed 004) has no action plan in its seed; the four other structures'
    # strategic forums have one.
    strategic = Forum.objects.filter(tier=Forum.Tier.STRATEGIC).exclude(slug="radet-radet")
    slugs = set(strategic.values_list("slug", flat=True))
    assert {p.forum.slug for p in plans} == slugs | {"sos-lakemedel"}
    assert {p.year for p in plans} == {2026}
    if timezone.now() < datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC):
        return  # the adopting meetings (February, April) are not held yet
    for document in [*priority_sets, *plans]:
        assert document.status == "adopted", document
        item = document.agenda_item
        assert item.kind == "decision" and item.meeting.forum_id == document.forum_id
        assert item.meeting.status == "held" and item.meeting.starts_at.year == 2026
        assert item.decision.outcome == Decision.Outcome.DECIDED
        assert document.adopted_at == item.decision.recorded_at
        minutes = item.meeting.minutes.get()
        assert item.decision.text in minutes.body
    pks_decision = priority_sets[0].agenda_item.decision
    assert pks_decision.is_joint_position  # Partnerskapet's decisions bind no party


def test_activities_link_within_their_forum_structure_and_year(demo_output):
    activities = Activity.objects.select_related("plan__forum")
    assert activities.count() >= 5 * 4
    if timezone.now() < datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC):
        return
    assert set(activities.values_list("status", flat=True)) == set(Activity.Status.values)
    assert not activities.filter(status="planned").exclude(status_note="").exists()
    linked = {"assignments": 0, "areas": 0, "cases": 0, "action_items": 0}
    for activity in activities.prefetch_related(
        "assignment_items", "priority_areas__priority_set", "cases", "action_items__meeting"
    ):
        forum = activity.plan.forum
        assert activity.owner.mandates.filter(forum=forum, status="active").exists()
        for assignment in activity.assignment_items.all():
            assert assignment.forum_id == forum.pk
            linked["assignments"] += 1
        for area in activity.priority_areas.all():
            assert area.priority_set.year == activity.plan.year
            assert area.priority_set.forum.structure_id == forum.structure_id
            linked["areas"] += 1
        for case in activity.cases.all():
            assert forum.pk in (case.current_forum_id, case.origin_forum_id)
            linked["cases"] += 1
        for item in activity.action_items.all():
            assert item.meeting.forum_id == forum.pk
            linked["action_items"] += 1
    assert linked["assignments"] == activities.count()
    assert all(linked.values()), linked
    areas = PriorityArea.objects.filter(priority_set__forum__slug="pks-styrgrupp")
    assert areas.count() == 4
    assert areas.filter(cases__isnull=False).exists()
    assert areas.filter(decisions__isnull=False).exists()
    for area in areas.prefetch_related("cases__current_forum", "decisions"):
        for case in area.cases.all():
            assert case.current_forum.structure.slug == "pks"


def test_the_demo_refuses_where_demo_data_is_not_allowed(settings):
    """Production turns DEMO_DATA_ALLOWED off: the demo's known passwords never reach it."""
    from django.core.management.base import CommandError

    settings.DEMO_DATA_ALLOWED = False
    people = get_user_model().objects.count()
    with pytest.raises(CommandError, match="not allowed"):
        call_command("load_demo", stdout=StringIO())
    assert get_user_model().objects.count() == people
