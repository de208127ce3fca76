"""No input gives a 500, and a refused POST writes nothing: every form of the portal is driven
with extreme values by hypothesis.

Every URL name of the portal is listed below, as a form page (GET shows the form, POST sends
it), a button (POST without a form) or a page (GET only); a test walks the URL resolver, so a
new view fails here until it is listed, and a "page" whose view starts handling a form fails
until it is moved to FORMS. For each form page the form is read from the rendered HTML (its
fields, their kinds and choices), so a new field is driven without a change here.

Each example runs in a savepoint that is rolled back, so every example sees the same world.
Values: dates at the ends of the calendar and impossible dates, times in the clock-change
gaps, huge and odd numbers, long and odd Unicode (NUL, right-to-left marks, emoji, combining
characters), huge page numbers and odd filters in the query string, and files whose contents
do not match their names. A refused request (a form shown again, an error message) must leave
the row count of every table of the portal's apps (history tables included) as it was.

Profiles: `no500` (the default, deterministic and bounded, for CI) and `no500-thorough`
(`NO500_PROFILE=no500-thorough`: random, many more examples).
"""

import datetime
import inspect
import io
import os
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.contrib.messages import ERROR, get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, event, given, note
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from escalation.models import Case
from mandates.models import Mandate, MandateImport
from mandates.tokens import invitation_token_generator
from meetings import services as meeting_services
from meetings.models import AgendaItem, Meeting
from samverkan.two_factor import services as two_factor_services
from tests.cycle.plan_world import plan_objects
from tests.cycle.report_helpers import draft, quick_adopted
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CaseAttachmentFactory,
    CaseFactory,
    DecisionFactory,
    MandateFactory,
    MeetingFactory,
    MinutesFactory,
    NotificationFactory,
    OrganisationFactory,
    PartyFactory,
    UserFactory,
)
from tests.mandates.factories import InvitationFactory, MandateImportFactory

pytestmark = pytest.mark.django_db

hypothesis_settings.register_profile(
    "no500",
    max_examples=4,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
hypothesis_settings.register_profile(
    "no500-thorough",
    parent=hypothesis_settings.get_profile("no500"),
    max_examples=100,
    derandomize=False,
)
PROFILE = hypothesis_settings.get_profile(os.environ.get("NO500_PROFILE", "no500"))
if os.environ.get("NO500_EXAMPLES"):
    PROFILE = hypothesis_settings(PROFILE, max_examples=int(os.environ["NO500_EXAMPLES"]))

# --- every URL name, and who may use it with which arguments ---------------------------------
# A target: (user key in the world, {kwarg: world key or value}). A list means several targets.

S = "secretariat"
FORMS = {
    "login": ("anonymous", {}),
    "password_change": (S, {}),
    "password_reset": ("anonymous", {}),
    "password_reset_confirm": ("anonymous", {"uidb64": "reset_uid", "token": "reset_token"}),
    "mandates:mandate_update": (S, {"pk": "mandate"}),
    "mandates:mandate_activate": (S, {"pk": "proposed_mandate"}),
    "mandates:mandate_end": (S, {"pk": "mandate"}),
    "mandates:mandate_revoke": (S, {"pk": "mandate"}),
    "mandates:mandate_create": (S, {"slug": "operative_slug"}),
    "mandates:import_create": (S, {"slug": "structure_slug"}),
    "people:person_create": (S, {}),
    "people:person_update": (S, {"pk": "person"}),
    "people:invitation_accept": ("anonymous", {"uidb64": "invite_uid", "token": "invite_token"}),
    "oidc:person_identity_number": (S, {"pk": "person"}),
    "forums:structure_create": ("superuser", {}),
    "forums:structure_update": (S, {"slug": "structure_slug"}),
    "forums:structure_secretariat": (S, {"slug": "structure_slug"}),
    "forums:forum_create": (S, {"slug": "structure_slug"}),
    "forums:party_create": (S, {"slug": "structure_slug"}),
    "forums:party_update": (S, {"pk": "party"}),
    "forums:organisation_create": (S, {}),
    "forums:organisation_update": (S, {"pk": "organisation"}),
    "forums:forum_update": (S, {"slug": "operative_slug"}),
    "forums:charter_update": (S, {"slug": "operative_slug"}),
    "forums:seat_set": (S, {"slug": "operative_slug"}),
    "forums:forum_wind_down": (S, {"slug": "operative_slug"}),
    "cycle:direction_document_create": (S, {"slug": "tactical_slug"}),
    "cycle:direction_document_edit": (S, {"pk": "direction_document"}),
    "cycle:direction_version_draft": (S, {"pk": "direction_adopted_document"}),
    "cycle:direction_version_edit": (S, {"pk": "direction_version"}),
    "cycle:direction_version_agenda": (S, {"pk": "direction_version"}),
    "escalation:case_raise": ("representative", {}),
    "escalation:attachment_add": (S, {"reference": "open_case"}),
    "escalation:case_step": [
        (S, {"reference": "open_case", "step": "forbered"}),
        (S, {"reference": "open_case", "step": "avfor"}),
        (S, {"reference": "prepared_case", "step": "dagordning"}),
        (S, {"reference": "scheduled_case", "step": "besluta"}),
        (S, {"reference": "scheduled_case", "step": "aterremittera"}),
        ("chair", {"reference": "prepared_case", "step": "eskalera"}),
        (S, {"reference": "decided_case", "step": "stang"}),
    ],
    "meetings:calendar_feeds": ("representative", {}),
    "meetings:meeting_create": (S, {"slug": "tactical_slug"}),
    "meetings:meeting_edit": (S, {"pk": "meeting"}),
    "meetings:meeting_cancel": (S, {"pk": "meeting"}),
    "meetings:minutes_verify": ("anonymous", {}),
    "meetings:agenda_item_add": (S, {"pk": "meeting"}),
    "meetings:attendance_edit": (S, {"pk": "held_meeting"}),
    "meetings:action_item_add": (S, {"pk": "held_meeting"}),
    "meetings:decision_record": (S, {"pk": "held_item"}),
    "meetings:minutes_edit": (S, {"pk": "minutes"}),
    "cycle:annual_report_create": (S, {"slug": "operative_slug"}),
    # priority areas (the strategic forum's) and action plans (the operative forum's)
    "cycle:priority_set_create": (S, {"slug": "strategic_slug"}),
    "cycle:priority_set_edit": (S, {"pk": "priority_set"}),
    "cycle:priority_set_put_on_agenda": (S, {"pk": "priority_set"}),
    "cycle:priority_area_add": (S, {"pk": "priority_set"}),
    "cycle:priority_area_edit": (S, {"pk": "priority_area"}),
    "cycle:priority_area_links": (S, {"pk": "priority_area"}),
    "cycle:action_plan_create": (S, {"slug": "operative_slug"}),
    "cycle:action_plan_edit": (S, {"pk": "action_plan"}),
    "cycle:action_plan_put_on_agenda": (S, {"pk": "action_plan"}),
    "cycle:activity_add": (S, {"pk": "action_plan"}),
    "cycle:activity_edit": (S, {"pk": "activity"}),
    "cycle:activity_follow_up": (S, {"pk": "activity"}),
    "cycle:annual_report_text": (S, {"pk": "draft_report", "key": "meetings"}),
    "cycle:annual_report_agenda": (S, {"pk": "draft_report"}),
    "cycle:annual_report_sent": (S, {"pk": "adopted_report"}),
    # A member part-way through set-up; one with an authenticator, signed in with a password.
    "two_factor:setup": ("two_factor_pending", {}),
    "two_factor:verify": ("two_factor_user", {}),
    "two_factor:recovery_regenerate": (S, {}),
    "notifications:notification_preferences": (S, {}),
    "two_factor:disable": ("two_factor_pending", {}),
}
BUTTONS = {
    # The wind-down actions need a wound-down forum; here they are driven as buttons (a
    # refusal, never a 500); tests/rules/test_r01_winding_down.py drives their forms.
    "logout": (S, {}),
    "oidc:logout": (S, {}),
    "cycle:priority_area_move": (S, {"pk": "priority_area", "direction": "up"}),
    "cycle:priority_area_remove": (S, {"pk": "priority_area"}),
    "cycle:activity_remove": (S, {"pk": "activity"}),
    "accounts:sessions_end_others": (S, {}),
    "accounts:keep_alive": (S, {}),
    "forum_wind_down:meeting": (S, {"slug": "operative_slug", "pk": "meeting"}),
    "forum_wind_down:case": (S, {"slug": "operative_slug", "reference": "open_case"}),
    "forum_wind_down:meetings": (S, {"slug": "operative_slug"}),
    "set_language": (S, {}),
    "mandates:import_confirm": (S, {"pk": "previewed_import"}),
    "people:person_invite": (S, {"pk": "person"}),
    "forums:structure_archive": (S, {"slug": "structure_slug"}),
    "forums:structure_restore": (S, {"slug": "structure_slug"}),
    "forums:party_archive": (S, {"pk": "party"}),
    "forums:party_restore": (S, {"pk": "party"}),
    "forums:organisation_archive": (S, {"pk": "organisation"}),
    "forums:organisation_restore": (S, {"pk": "organisation"}),
    "escalation:case_follow": (S, {"reference": "open_case"}),
    "escalation:case_unfollow": (S, {"reference": "open_case"}),
    "meetings:minutes_create": (S, {"pk": "held_meeting"}),
    "meetings:meeting_action": [
        (S, {"pk": "meeting", "action": "convene"}),
        (S, {"pk": "meeting", "action": "held"}),
    ],
    "meetings:agenda_item_move": [
        (S, {"pk": "item", "direction": "up"}),
        (S, {"pk": "item", "direction": "down"}),
    ],
    "meetings:agenda_item_remove": [(S, {"pk": "item"}), (S, {"pk": "held_item"})],
    "meetings:minutes_action": [
        (S, {"pk": "minutes", "action": "submit"}),
        (S, {"pk": "minutes", "action": "approve"}),
    ],
    "meetings:action_item_done": (S, {"pk": "action_item"}),
    "two_factor:start": (S, {}),
    "notifications:notification_mark_read": (S, {"pk": "notice"}),
    "notifications:notification_mark_all_read": (S, {}),
}
PAGES = {
    "dashboard": (S, {}),
    "notifications:notification_list": (S, {}),
    "notifications:notification_open": (S, {"pk": "notice"}),
    "accounts:profile": (S, {}),
    "password_change_done": (S, {}),
    "password_reset_done": ("anonymous", {}),
    "password_reset_complete": ("anonymous", {}),
    # e-ID sign-in (tests/oidc drives it against a real provider; here it is not configured)
    "oidc:authenticate": ("anonymous", {}),
    "oidc:callback": ("anonymous", {}),
    "mandates:mandate_list": (S, {}),
    "search:search": (S, {}),
    "mandates:mandate_create_choose": (S, {}),  # a GET form: the query string test drives it
    "mandates:mandate_detail": (S, {"pk": "mandate"}),
    "mandates:mandate_document": (S, {"pk": "mandate"}),
    "mandates:forum_mandates": (S, {"slug": "operative_slug"}),
    "mandates:person_options": (S, {"slug": "operative_slug"}),  # the picker's options
    "mandates:rotation": (S, {"slug": "tactical_slug"}),
    "mandates:compliance": (S, {"slug": "structure_slug"}),
    "mandates:import_detail": (S, {"pk": "previewed_import"}),
    "mandates:import_progress": (S, {"pk": "previewed_import"}),
    "people:person_list": (S, {}),
    "people:person_detail": (S, {"pk": "person"}),
    "forums:forum_list": (S, {}),
    "forums:structure_list": (S, {}),
    "forums:structure_detail": (S, {"slug": "structure_slug"}),
    "forums:organisation_list": (S, {}),
    "forums:forum_detail": (S, {"slug": "operative_slug"}),
    "forums:principal_body_options": (S, {"slug": "structure_slug"}),  # the picker's options
    "cycle:direction_document_detail": (S, {"pk": "direction_document"}),
    "forum_members:members_csv": (S, {"slug": "operative_slug"}),
    "forum_members:members_xlsx": (S, {"slug": "operative_slug"}),
    "public_forums:forum_list": ("anonymous", {}),
    "public_forums:forum_detail": ("anonymous", {"slug": "operative_slug"}),
    "escalation:my_cases": ("representative", {}),
    "escalation:organisation_options": ("representative", {}),  # the picker's options
    "escalation:secretariat_cases": (S, {"slug": "structure_slug"}),
    "escalation:case_detail": (S, {"reference": "open_case"}),
    "escalation:case_history": (S, {"reference": "open_case"}),
    "escalation:attachment_download": (S, {"reference": "open_case", "pk": "attachment"}),
    "meetings:my_meetings": (S, {}),
    "meetings:calendar_feed": ("anonymous", {"token": "calendar_token"}),
    "meetings:forum_meetings": (S, {"slug": "tactical_slug"}),
    "meetings:meeting_detail": (S, {"pk": "meeting"}),
    "meetings:meeting_ics": (S, {"pk": "meeting"}),
    "meetings:minutes_detail": (S, {"pk": "minutes"}),
    "meetings:minutes_pdf": (S, {"pk": "approved_minutes"}),
    "cycle:annual_report_detail": [(S, {"pk": "draft_report"}), (S, {"pk": "adopted_report"})],
    "cycle:annual_report_pdf": (S, {"pk": "adopted_report"}),
    "cycle:annual_report_docx": [(S, {"pk": "draft_report"}), (S, {"pk": "adopted_report"})],
    "cycle:annual_report_public": ("anonymous", {"pk": "adopted_report"}),
    "cycle:priority_set_detail": (S, {"pk": "priority_set"}),
    "cycle:action_plan_detail": (S, {"pk": "action_plan"}),
    "cycle:action_plan_pdf": (S, {"pk": "action_plan"}),
    "cycle:action_plan_docx": (S, {"pk": "action_plan"}),
    # OParl (JSON for anyone): the structure's pk and a year are literal values
    "oparl:system": ("anonymous", {}),
    "oparl:body_list": ("anonymous", {}),
    "oparl:body": ("anonymous", {"pk": 1}),
    "oparl:body_organizations": ("anonymous", {"pk": 1}),
    "oparl:body_people": ("anonymous", {"pk": 1}),
    "oparl:body_meetings": ("anonymous", {"pk": 1}),
    "oparl:body_papers": ("anonymous", {"pk": 1}),
    "oparl:body_memberships": ("anonymous", {"pk": 1}),
    "oparl:body_files": ("anonymous", {"pk": 1}),
    "oparl:body_terms": ("anonymous", {"pk": 1}),
    "oparl:term": ("anonymous", {"pk": 1, "year": 2026}),
    "oparl:forum": ("anonymous", {"pk": 1}),
    "oparl:forum_meetings": ("anonymous", {"pk": 1}),
    "oparl:organisation": ("anonymous", {"pk": "organisation"}),
    "oparl:person": ("anonymous", {"pk": "person"}),
    "oparl:membership": ("anonymous", {"pk": "mandate"}),
    "oparl:meeting": ("anonymous", {"pk": "held_meeting"}),
    "oparl:agenda_item": ("anonymous", {"pk": "held_item"}),
    "oparl:consultation": ("anonymous", {"pk": "held_item"}),
    "oparl:paper": ("anonymous", {"pk": 1}),
    "oparl:file": ("anonymous", {"pk": "approved_minutes"}),
    "oparl:location": ("anonymous", {"pk": "meeting"}),
    "two_factor:recovery": (S, {}),
    # issue 13: a structure's follow-up and one of its charts
    "cycle:follow_up": (S, {"slug": "structure_slug", "year": 2026}),
    "cycle:follow_up_chart": (S, {"slug": "structure_slug", "year": 2026, "key": "lead_times"}),
}
NOT_OURS = {"admin", "djdt"}
# What in a view's source says it handles a posted form.
FORM_MARKERS = (
    "form_submit",
    "form_page",
    "action_submit",
    "request.POST",
    "request.FILES",
    '"POST"',
)


def _url_patterns(resolver, namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in NOT_OURS:
                continue
            inner = pattern.namespace or namespace
            if namespace and pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}"
            yield from _url_patterns(pattern, inner)
        elif pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


def _targets(table):
    for name, targets in table.items():
        for user, kwargs in targets if isinstance(targets, list) else [targets]:
            yield pytest.param(
                name, user, kwargs, id=f"{name}-{'-'.join(map(str, kwargs.values()))}"
            )


def test_every_url_of_the_portal_is_driven_here():
    names = {name for name, _pattern in _url_patterns(get_resolver())}
    listed = set(FORMS) | set(BUTTONS) | set(PAGES)
    assert sorted(names - listed) == [], "list the new views in FORMS, BUTTONS or PAGES"
    assert sorted(listed - names) == []


def test_a_page_that_takes_a_posted_form_is_listed_as_a_form():
    """A view listed as a plain page whose code handles a form must move to FORMS."""
    patterns = dict(_url_patterns(get_resolver()))
    handling = []
    for name in PAGES:
        view = inspect.unwrap(patterns[name].callback)
        view_class = getattr(patterns[name].callback, "view_class", None)
        if view_class is not None:
            handling += [name] if hasattr(view_class, "form_valid") else []
            continue
        source = inspect.getsource(view)
        handling += [name] if any(marker in source for marker in FORM_MARKERS) else []
    assert handling == []


# --- the world -----------------------------------------------------------------------------


@pytest.fixture
def world(
    settings,
    tmp_path,
    structure,
    strategic_forum,
    tactical_forum,
    operative_forum,
    secretariat_user,
    chair_user,
    representative_user,
    give_mandate,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    operative_forum.is_public = True
    operative_forum.save()
    organisation = OrganisationFactory(name="Region Test")
    party = PartyFactory(structure=structure, name="Parten")
    today = timezone.localdate()
    mandate = representative_user.mandates.get()
    proposed = MandateFactory(
        forum=operative_forum,
        person=UserFactory(),
        organisation=organisation,
        status=Mandate.Status.PROPOSED,
        valid_from=today,
    )
    person = UserFactory(username="ny-person", email="ny@example.se")
    person.set_unusable_password()
    person.save()
    InvitationFactory(person=person, invited_by=secretariat_user)
    members = [representative_user]
    for role in (Mandate.Role.MEMBER, Mandate.Role.DEPUTY):
        member = UserFactory(organisation=organisation)
        give_mandate(member, tactical_forum, role)
        members.append(member)
    open_case = CaseFactory(origin_forum=tactical_forum, raised_by=representative_user)
    prepared_case = CaseFactory(origin_forum=tactical_forum, status=Case.Status.IN_PREPARATION)
    scheduled_case = CaseFactory(origin_forum=tactical_forum, status=Case.Status.SCHEDULED)
    decided_case = CaseFactory(origin_forum=tactical_forum, status=Case.Status.DECIDED)
    attachment = CaseAttachmentFactory(case=open_case)
    start = (timezone.now() + datetime.timedelta(days=14)).replace(
        minute=0, second=0, microsecond=0
    )
    meeting = MeetingFactory(
        forum=tactical_forum, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    item = AgendaItemFactory(meeting=meeting, kind=AgendaItem.Kind.DECISION)
    AgendaItemFactory(meeting=meeting)
    past = start - datetime.timedelta(days=28)
    held = MeetingFactory(
        forum=tactical_forum,
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=2),
        status=Meeting.Status.HELD,
    )
    held_item = AgendaItemFactory(meeting=held, kind=AgendaItem.Kind.DECISION)
    DecisionFactory(agenda_item=AgendaItemFactory(meeting=held), recorded_by=secretariat_user)
    minutes = MinutesFactory(meeting=held, author=secretariat_user)
    older = past - datetime.timedelta(days=28)
    approved = MinutesFactory(
        meeting=MeetingFactory(
            forum=tactical_forum,
            starts_at=older,
            ends_at=older + datetime.timedelta(hours=2),
            status=Meeting.Status.HELD,
        ),
        approved=True,
    )
    action_item = ActionItemFactory(meeting=held, assignee=representative_user)
    previewed = MandateImportFactory(
        structure=structure,
        uploaded_by=secretariat_user,
        status=MandateImport.Status.PREVIEWED,
        row_count=1,
        valid_count=1,
    )
    token = meeting_services.calendar_token_rotate(actor=representative_user)
    direction = _direction_documents(secretariat_user, tactical_forum, operative_forum)
    plan = plan_objects(secretariat_user, strategic_forum, operative_forum)
    superuser = UserFactory(username="superuser", is_superuser=True, is_staff=True)
    reset = UserFactory(username="glomsk", email="glomsk@example.se")
    pending = UserFactory(username="halvvags")
    two_factor_services.totp_device_create(actor=pending)
    with_device = UserFactory(username="tvafaktor")
    TOTPDevice.objects.create(user=with_device, name="Authenticator", confirmed=True)
    return {
        "users": {
            "anonymous": None,
            S: secretariat_user,
            "chair": chair_user,
            "representative": representative_user,
            "superuser": superuser,
            "two_factor_pending": pending,
            "two_factor_user": with_device,
        },
        "structure_slug": structure.slug,
        "tactical_slug": tactical_forum.slug,
        "operative_slug": operative_forum.slug,
        "party": party.pk,
        "organisation": organisation.pk,
        "mandate": mandate.pk,
        "proposed_mandate": proposed.pk,
        "person": person.pk,
        "invite_uid": urlsafe_base64_encode(force_bytes(person.pk)),
        "invite_token": invitation_token_generator.make_token(person),
        "reset_uid": urlsafe_base64_encode(force_bytes(reset.pk)),
        "reset_token": default_token_generator.make_token(reset),
        "open_case": open_case.reference,
        "prepared_case": prepared_case.reference,
        "scheduled_case": scheduled_case.reference,
        "decided_case": decided_case.reference,
        "attachment": attachment.pk,
        "meeting": meeting.pk,
        "item": item.pk,
        "held_meeting": held.pk,
        "held_item": held_item.pk,
        "minutes": minutes.pk,
        "approved_minutes": approved.pk,
        "action_item": action_item.pk,
        "previewed_import": previewed.pk,
        "calendar_token": token.token,
        "notice": NotificationFactory(recipient=secretariat_user, link="/moten/").pk,
        "draft_report": draft(operative_forum, secretariat_user, 2025).pk,
        "adopted_report": quick_adopted(operative_forum, secretariat_user, 2024).pk,
        **direction,
        "strategic_slug": strategic_forum.slug,
        "priority_set": plan["priority_set"].pk,
        "priority_area": plan["priority_area"].pk,
        "action_plan": plan["plan"].pk,
        "activity": plan["activity"].pk,
    }


def _direction_documents(secretariat_user, tactical_forum, operative_forum):
    """A tactical forum's direction document with a draft, and one whose version is adopted
    (a new version can be drafted of it)."""
    from cycle import services as cycle_services
    from cycle.models import DirectionDocumentVersion
    from tests.cycle.direction_helpers import agency, document_data

    draft = cycle_services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )
    adopted = cycle_services.direction_document_create(
        actor=secretariat_user,
        forum=tactical_forum,
        data=document_data(operative_forum, organisation=agency("Läkemedelsverket")),
    )
    version = adopted.versions.get()
    version.status = DirectionDocumentVersion.Status.ADOPTED
    version.adopted_at = timezone.now()
    version.save()
    return {
        "direction_document": draft.pk,
        "direction_version": draft.versions.get().pk,
        "direction_adopted_document": adopted.pk,
    }


def _url(world, name, kwargs):
    return reverse(name, kwargs={key: world.get(value, value) for key, value in kwargs.items()})


# Users whose test sessions are the password alone (the others' have a second factor).
ONE_FACTOR = {"two_factor_user"}


def _log_in(client, world, user):
    """Log in (again: an example may have logged out, and its session is rolled back)."""
    client.cookies.clear()
    client.strong_auth = user not in ONE_FACTOR  # see tests/conftest.py
    if world["users"][user] is not None:
        client.force_login(world["users"][user])
    return client


# --- what was written ----------------------------------------------------------------------

OUR_APPS = (
    "kernel",
    "samverkan",
    "forums",
    "mandates",
    "escalation",
    "meetings",
    "guardian",
    "two_factor",
    "otp_totp",
    "otp_static",
)


def _tables():
    tables = set()
    for config in apps.get_app_configs():
        if config.label in OUR_APPS:
            for model in config.get_models(include_auto_created=True):
                if model._meta.managed and not model._meta.proxy:
                    tables.add(model._meta.db_table)
    return sorted(tables)


def _row_counts():
    tables = _tables()
    quote = connection.ops.quote_name
    # The table names are the models' own, quoted.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608
    sql = f"SELECT {counts}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _refused(response):
    """A form shown again, or an error message: nothing may have been written."""
    errors = [m for m in get_messages(response.wsgi_request) if m.level == ERROR]
    return response.status_code != 302 or bool(errors)


def _changed(before, after):
    return {
        table: (before[table], after[table]) for table in before if before[table] != after[table]
    }


class RolledBack(Exception):
    pass


def _in_savepoint(call, log_in=None):
    """Run `call` and roll everything it wrote back, so that each example sees the world."""
    result = None
    try:
        with transaction.atomic():
            if log_in is not None:
                log_in()
            result = call()
            raise RolledBack
    except RolledBack:
        pass
    return result


# --- the forms as rendered -------------------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, number, date, datetime-local, select, checkbox, radio, file, hidden
    value: str = ""
    options: list = field(default_factory=list)
    multiple: bool = False
    maxlength: int | None = None


@dataclass
class Form:
    method: str
    action: str
    fields: dict = field(default_factory=dict)


class FormParser(HTMLParser):
    """The forms of a page: their method, action and fields (as a browser would post them)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._select = None
        self._textarea = None

    def _add(self, item):
        if self.forms and item.name:
            fields = self.forms[-1].fields
            if item.name in fields and item.kind in ("checkbox", "radio"):
                fields[item.name].options.append(item.value)
                fields[item.name].multiple |= item.kind == "checkbox"
            else:
                fields[item.name] = item

    def handle_starttag(self, tag, attrs):
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("method", "get").lower(), a.get("action", "")))
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "reset", "image"):
                return
            maxlength = int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None
            item = Field(a.get("name", ""), kind, a.get("value", ""), maxlength=maxlength)
            if kind in ("checkbox", "radio"):
                item.options = [a.get("value", "on")]
                item.value = a.get("value", "on") if "checked" in a else ""
            self._add(item)
        elif tag == "textarea":
            maxlength = int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None
            self._textarea = Field(a.get("name", ""), "textarea", maxlength=maxlength)
            self._add(self._textarea)
        elif tag == "select":
            self._select = Field(a.get("name", ""), "select", multiple="multiple" in a)
            self._add(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))
            if "selected" in a:
                self._select.value = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data


def forms_of(response, method="post"):
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return []  # a download
    parser = FormParser()
    parser.feed(response.content.decode())
    page = urlsplit(response.wsgi_request.get_full_path()).path
    return [
        form
        for form in parser.forms
        if form.method == method and (form.action in ("", page) or form.action.startswith("?"))
    ]


# --- the values ------------------------------------------------------------------------------

ODD_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202eevil\u202c",
    "\u200f\u200e\u061c",
    "😀" * 200,
    "👩🏽‍⚕️🏳️‍🌈",
    "e" + "\u0301" * 500,
    "Z̴̡̛̩̓a̸̙͊l̷̠̈g̶̣̈́o̷̪͐",
    "\ufeff\ufffe\uffff",
    "'; DROP TABLE forums_forum; --",
    "<script>alert(1)</script>",
    "%(name)s %s {0} {{ x }}",
    "Ångström ÅÄÖ åäö ß",
    "\r\n\t\x0b\x0c",
    "x" * 1001,
    "ö" * 5000,
]
HUGE_NUMBERS = [
    "99999999999999999999",
    "-99999999999999999999",
    "2147483648",
    "-2147483649",
    "32768",
    "9223372036854775808",
    "-1",
    "0",
    "1e9",
    "1.5",
    "NaN",
    "inf",
    "١٢",
    "²",
    "0x10",
    " 7 ",
]
ODD_DATES = [
    "0001-01-01",
    "9999-12-31",
    "1899-12-31",
    "2201-01-01",
    "2026-02-29",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "10000-01-01",
    "31/12/2026",
    "2026-1-1",
    "",
]
ODD_TIMES = [
    "0001-01-01T00:00",
    "0001-01-01T09:00",
    "9999-12-31T23:59",
    "9999-12-31T00:00",
    "2026-03-29T02:30",  # the spring gap in Stockholm
    "2026-10-25T02:30",  # the autumn hour that happens twice
    "2026-02-30T10:00",
    "2026-06-01T25:61",
    "2026-06-01",
    "",
]


def _zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "email\nanna@example.se\n")
    return buffer.getvalue()


FILE_NAMES = [
    "people.xlsx",
    "people.csv",
    "document.pdf",
    "picture.png",
    "program.exe",
    "rapport\u202efdp.exe",
    "x" * 300 + ".pdf",
    "ÅÄÖ 😀.docx",
    ".pdf",
    "no-extension",
]
FILE_CONTENTS = [
    b"",
    b"\x00" * 64,
    _zip(),
    b"PK\x03\x04not really a zip",
    b"%PDF-1.4\nbroken",
    b"\x89PNG\r\n\x1a\nbroken",
    "email;first_name\nanna@example.se;Anna\n".encode("utf-16"),
    b"email\n" + b"\xff\xfe\xfa" * 20,
    b"MZ\x90\x00",
]


def _text():
    return st.one_of(
        st.sampled_from(ODD_TEXT),
        st.text(st.characters(codec="utf-8"), max_size=40),
    )


def _plausible(item):
    """What a person would type in an empty field, so that the other fields' extremes get
    past the form's own checks and reach the service and the database."""
    if item.value:
        return item.value
    later = any(part in item.name for part in ("end", "_to", "due"))
    return {
        "date": "2027-12-31" if later else "2027-03-01",
        "datetime-local": "2027-03-01T12:00" if later else "2027-03-01T10:00",
        "number": "3",
        "email": "test@example.se",
        "url": "https://example.se",
        "select": next((option for option in item.options if option), ""),
        "textarea": "Text",
    }.get(item.kind, "Text")


def _extreme(item):
    """An extreme value for one field (None: leave it out)."""
    if item.kind == "file":
        upload = st.builds(
            lambda name, data: SimpleUploadedFile(name, data),
            st.sampled_from(FILE_NAMES),
            st.sampled_from(FILE_CONTENTS),
        )
        return st.one_of(st.none(), upload)
    if item.kind in ("select", "checkbox", "radio"):
        junk = st.sampled_from(["99999999999999999999", "-1", "x", "", "\x00", "0", "²"])
        one = st.one_of(st.sampled_from(item.options), junk) if item.options else junk
        return st.lists(one, max_size=4) if item.multiple else st.one_of(st.none(), one)
    if item.kind == "number":
        return st.one_of(st.sampled_from(HUGE_NUMBERS), st.integers().map(str))
    if item.kind == "date":
        return st.one_of(st.sampled_from(ODD_DATES), st.dates().map(datetime.date.isoformat))
    if item.kind == "datetime-local":
        times = st.datetimes().map(lambda value: value.isoformat(timespec="minutes"))
        return st.one_of(st.sampled_from(ODD_TIMES), times)
    if item.kind == "hidden":
        return st.one_of(st.sampled_from(HUGE_NUMBERS), _text())
    texts = [_text()]
    if item.maxlength:
        texts.append(st.sampled_from(["y" * item.maxlength, "y" * (item.maxlength + 1)]))
    if item.kind == "email":
        texts.append(st.sampled_from(["a@b", "ö@ö.se", "x" * 300 + "@example.se", "@"]))
    return st.one_of(*texts)


def _post_data(data, form):
    """A plausible filling of the form with one to three fields extreme (the others get past
    the form's checks, so the extreme values reach the service and the database)."""
    names = [name for name in form.fields if name != "csrfmiddlewaretoken"]
    if not names:
        return {}
    extreme = data.draw(st.sets(st.sampled_from(names), min_size=1, max_size=3), label="fields")
    posted = {}
    for name, item in form.fields.items():
        value = data.draw(_extreme(item), label=name) if name in extreme else _plausible(item)
        if item.kind in ("checkbox", "radio") and name not in extreme:
            value = item.value or None  # as the page had it
        if item.multiple and name not in extreme:
            value = [item.value] if item.value else None
        if value is not None:
            posted[name] = value
    return posted


def _assert_no_500_and_no_partial_write(client, url, posted, *, method="post"):
    before = _row_counts()
    response = getattr(client, method)(url, posted)
    note(f"{method.upper()} {url} {posted!r} -> {response.status_code}")
    event(f"status {response.status_code}")
    assert response.status_code < 500, (url, posted)
    if method == "post" and _refused(response):
        assert _changed(before, _row_counts()) == {}, (url, posted, response.status_code)
    return response


# --- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "user", "kwargs"), list(_targets(FORMS)))
def test_no_form_gives_a_500_or_a_partial_write(client, world, name, user, kwargs):
    client = _log_in(client, world, user)
    log_in = lambda: _log_in(client, world, user)  # noqa: E731
    url = _url(world, name, kwargs)
    page = client.get(url, follow=True)
    assert page.status_code == 200, (name, page.status_code)
    forms = forms_of(page)
    assert forms, f"{name}: no form posting to {url} on the page"
    target = page.wsgi_request.path  # a link with a token moves on to the form's own address

    @hypothesis_settings(PROFILE)
    @given(data=st.data())
    def post_anything(data):
        form = forms[data.draw(st.integers(0, len(forms) - 1), label="form")]
        posted = _post_data(data, form)
        _in_savepoint(lambda: _assert_no_500_and_no_partial_write(client, target, posted), log_in)

    post_anything()


@pytest.mark.parametrize(("name", "user", "kwargs"), list(_targets(BUTTONS)))
def test_no_button_gives_a_500_or_a_partial_write(client, world, name, user, kwargs):
    client = _log_in(client, world, user)
    log_in = lambda: _log_in(client, world, user)  # noqa: E731
    url = _url(world, name, kwargs)

    @hypothesis_settings(PROFILE)
    @given(posted=st.dictionaries(st.sampled_from(["next", "language", "reason", "x"]), _text()))
    def press(posted):
        _in_savepoint(lambda: _assert_no_500_and_no_partial_write(client, url, posted), log_in)

    press()


def _query(data, page):
    """A query string: huge page numbers, odd sorting, and odd values in the page's filters."""
    query = {}
    for form in forms_of(page, method="get"):
        for name, item in form.fields.items():
            if data.draw(st.booleans(), label=f"use {name}"):
                value = data.draw(_extreme(item), label=name)
                if value is not None and not isinstance(value, SimpleUploadedFile):
                    query[name] = value
    for name in ("page", "past-page", "sort", "past-sort", "per_page", "jamfor"):
        if data.draw(st.booleans(), label=f"use {name}"):
            query[name] = data.draw(st.one_of(st.sampled_from(HUGE_NUMBERS), _text()), label=name)
    return query


ALL_GET = [(name, targets) for name, targets in {**PAGES, **FORMS}.items()]


@pytest.mark.parametrize(("name", "user", "kwargs"), list(_targets(dict(ALL_GET))))
def test_no_query_string_gives_a_500(client, world, name, user, kwargs):
    client = _log_in(client, world, user)
    log_in = lambda: _log_in(client, world, user)  # noqa: E731
    url = _url(world, name, kwargs)
    page = client.get(url)
    assert page.status_code < 500
    if name in PAGES:
        assert forms_of(page) == [], f"{name} shows a form posting to itself: list it in FORMS"

    @hypothesis_settings(PROFILE)
    @given(data=st.data())
    def get_anything(data):
        query = _query(data, page)
        _in_savepoint(
            lambda: _assert_no_500_and_no_partial_write(client, url, query, method="get"),
            log_in,
        )

    get_anything()


ODD_PATH_VALUES = {
    "int": ["99999999999999999999", "0", "2147483648"],
    "str": ["99999999999999999999", "x\u202e😀", "%00", "..", "SAM-0000-0000"],
    "slug": ["x" * 300, "-", "_"],
}


def _odd_urls():
    for name, pattern in _url_patterns(get_resolver()):
        converters = pattern.pattern.converters
        for key, converter in converters.items():
            kind = {"IntConverter": "int", "SlugConverter": "slug"}.get(
                type(converter).__name__, "str"
            )
            for value in ODD_PATH_VALUES[kind]:
                yield name, key, value


@pytest.mark.parametrize("method", ["get", "post"])
def test_odd_values_in_the_path_give_no_500(client, world, method):
    """Every URL with a huge id, an odd slug or an odd reference, as the secretariat."""
    targets = {**FORMS, **BUTTONS, **PAGES}
    for name, key, value in _odd_urls():
        first = targets[name][0] if isinstance(targets[name], list) else targets[name]
        kwargs = {k: world.get(v, v) for k, v in first[1].items()}
        kwargs[key] = value
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:  # the converter does not take it: there is no such URL
            continue
        response = _in_savepoint(
            lambda url=url: getattr(client, method)(url), lambda: _log_in(client, world, S)
        )
        assert response.status_code < 500, (method, url)
