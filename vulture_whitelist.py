"""Names used by name where vulture cannot see it (read by `vulture`, never imported).

vulture counts a name as used when it appears anywhere in the files it reads; this file is
one of them (see [tool.vulture] in pyproject.toml, which also lists Django's option names and
the registering decorators). Each entry says who uses the name.
"""

from types import SimpleNamespace

name = SimpleNamespace()

_ = (
    # samverkan.urls.handler500 and CSRF_FAILURE_VIEW name these views by dotted path; Django
    # reads handler500 off the root URLconf.
    name.server_error,
    name.csrf_failure,
    name.handler500,
    # kernel.history.save_with_history: simple-history reads these off the instance it saves.
    name._history_user,
    name._change_reason,
    # samverkan.demo.loader.history: the history row's user, saved by simple-history.
    name.history_user_id,
    # Model fields read through the ORM and the admin by their names in strings.
    name.read_at,  # kernel.models.Notification (admin list and filter, index)
    name.steered_by,  # forums.models.Forum (selectors, admin, the structure map)
    # kernel.third_party_strings: lists strings for makemessages; nothing imports it.
    name.SIMPLE_HISTORY,
    name.AXES,
    name.GUARDIAN,
    # kernel.rules: read by name in templates/mandates/compliance.html and _findings.html.
    name.severity,
    name.refuses,
    name.warns,
    name.scope_labels,
    name.hard_count,
    name.soft_count,
    name.mandate_id,
    # mandates.composition: read by name in templates/mandates/panels/composition.html.
    name.is_party,
    name.seat_total,
    name.held_total,
    # meetings: model fields and choices set by keyword (services, demo loader, factories) and
    # read by name in the admin and the templates (meeting_detail, minutes_detail, meeting_list).
    name.completed_at,  # ActionItem
    name.cancelled_reason,  # Meeting
    name.recorded_by,  # Decision
    name.recorded_at,  # Decision
    name.author,  # Minutes
    name.cannot_reach,  # meetings.selectors.YearCount, read in meeting_list.html
    name.item_count,  # meetings.tables.ForumMeetingTable: the annotation of forum_meetings_list
    # escalation: model fields set by keyword and read through the ORM, the admin, the
    # templates and the tables (case_detail, case_step, escalation.tables).
    name.LOW,  # Case.Priority
    name.raised_by,  # Case
    name.status_changed_at,  # Case; the "Waited there" column of CaseTable
    name.uploaded_by,  # CaseAttachment
    name.uploaded_at,  # CaseAttachment
    name.explanation,  # escalation.steps.Step, read in case_step.html
    name.button_class,  # escalation.steps.Step, read in case_detail.html and case_step.html
    # forums: choice members are stored values offered in forms, the filters and the demo data
    # (removing one changes the choices and needs a migration); named by their values only.
    name.REGION,  # Organisation.Kind
    name.AGENCY,
    name.MUNICIPALITY,
    name.ASSOCIATION,
    name.COMPANY,
    name.STEERING_GROUP,  # Forum.Kind
    name.COORDINATION_GROUP,
    name.COUNCIL,
    name.REFERENCE_GROUP,
    name.WORKING_GROUP,
    name.PREPARATORY_GROUP,
    name.ACTORS_COUNCIL,
    name.CUSTOMER_DIALOGUE,
    name.PROCUREMENT_GROUP,
    name.NETWORK,
    name.ORGANISATIONS,  # Forum.RotationAmong
    # forums: model fields set by keyword (services, demo loader) and read in the admin and
    # templates/forums/forum_detail.html, forum_form.html.
    name.is_temporary,  # Forum
    name.setup_criteria,  # Forum
    name.website,  # Organisation; also the OrganisationForm field that overrides it
    name.created_by,  # CharterVersion (services.charters, forum_detail.html)
    name.is_list,  # forums.charter.Section, read in partials/_charter_diff.html
    name.q,  # the text search of every forums.filters FilterSet, named in Meta.fields
    name.forum_count,  # forums.tables.StructureTable: the annotation of structure_list_visible_to
    # Declared fields that django-tables2 and django-filter collect from the class body.
    name.term,  # mandates.tables: the term column
    name.problems,  # mandates.tables: the import row's problems column
    name.invalid,  # mandates.filters: "only rows not valid"
    name.invite,  # mandates.forms.PersonForm: read from cleaned_data by the view
    # Model fields written by services and read in templates and the admin.
    name.invited_by,
    name.accepted_at,
    name.finished_at,
    name.invalid_count,  # mandates.models.MandateImport, templates/mandates/import_detail.html
    name.among_parties,  # mandates.rotation.RotationPlan, templates/mandates/rotation.html
    name.candidates_by_key,  # mandates.rotation.RotationPlan, tests/mandates/test_rotation.py
    # mandates.people_views.InvitationAcceptView: Django's FormView calls it on a valid form.
    name.form_valid,
    # samverkan.wind_down.tables: django-tables2 columns, shown by their render_* methods.
    name.decide,
    name.cancel,
    name.quorate,  # meetings.selectors.AttendanceSummary, templates/meetings/meeting_detail.html
    # meetings.views.verify: Django's upload handler hooks, called by the request parser.
    name.receive_data_chunk,
    name.file_complete,
    name.can_be_marked_held,  # meetings.models.Meeting, templates/meetings/meeting_detail.html
    name.can_cancel,  # meetings.models.Meeting, templates/meetings/meeting_detail.html
    name.can_convene,  # meetings.models.Meeting, templates/meetings/meeting_detail.html
    # samverkan.oidc: settings name the backend (AUTHENTICATION_BACKENDS) and the logout URL
    # method (OIDC_OP_LOGOUT_URL_METHOD); mozilla-django-oidc calls the overridden methods.
    name.EidBackend,
    name.retrieve_matching_jwk,
    name._verify_jws,
    name.get_or_create_user,
    name.login_success,
    name.provider_logout_url,
    name.personal_identity_number,  # samverkan.oidc.forms: read from cleaned_data by the view
    name.modified,  # samverkan.oidc.views: Django's session saves itself when it is set
    # samverkan.two_factor: the middleware (named in settings, called by Django) and the
    # django-otp device field the confirming service sets.
    name.TwoFactorMiddleware,
    # samverkan.accounts: named in MIDDLEWARE and AUTH_PASSWORD_VALIDATORS, called by Django.
    name.PrivatePagesMiddleware,
    name.MaximumLengthValidator,
    name.validate,
    name.get_help_text,
    name.process_view,
    name.confirmed,
    # samverkan.accounts: the middleware (MIDDLEWARE), the session row's fields (the profile
    # page), the token's salt and the view's generator (read by Django's base classes).
    name.SessionLimitsMiddleware,
    name.last_seen_at,
    name.user_agent,
    name.ip_address,
    name.key_salt,
    name.token_generator,
    name._accounts_secretariat_before,  # samverkan.accounts.signals: read back by name
    # issue 12: a FilterSet reads its declared filters off the class; the portal-only
    # channel is a choice users pick; the index migrations call gin_index.
    name.escalated,
    name.PORTAL,
    name.gin_index,
    # issue 13, figures: the annual report renders forum_year (another topic calls it);
    # Django reads an Aggregate's function and output_field; pygal reads a chart's x_labels.
    name.forum_year,
    name.function,
    name.output_field,
    name.x_labels,
    # Principal bodies, coordination and direction documents: read by the templates only.
    name.field_order,  # cycle.forms.direction.DirectionDocumentCreateForm: Django reads it
    name.shows_date,  # meetings.coordination.OtherMeeting, read in partials/_coordination.html
    # cycle.selectors_plans.ComparisonRow: read by templates/cycle/plans/action_plan_detail.html
    name.at_adoption_label,
    name.now_label,
    # forums.map.TreeNode: read by templates/forums/partials/_tree.html (the map as a list)
    name.reports_to,
)
