"""Structures, their parties and organisations, forums with assignments and seats, and each
forum's meeting times."""

from datetime import date, timedelta

from forums.models import AssignmentItem, Forum, Organisation, Party, Seat, Structure

from .common import TERM_START, TIERS, YEAR, _add_missing, _at, _party_short_name

DEFAULT_MEETINGS_PER_YEAR = 4


# Months of the year's meetings, by number of meetings a year.
MEETING_MONTHS = {
    1: [5],
    2: [4, 11],
    3: [3, 6, 10],
    4: [2, 4, 9, 12],
    5: [2, 4, 6, 9, 11],
    6: [1, 3, 5, 8, 10, 12],
}


class ForumsMixin:
    def _structure(self, spec):
        key = spec["key"]
        structure, _ = self._obtain(
            Structure,
            None,
            slug=key,
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "is_partnership": spec["is_partnership"],
            },
        )
        self.structures[key] = structure
        for party_spec in spec["parties"]:
            party, _ = self._obtain(
                Party,
                structure,
                structure=structure,
                name=party_spec["name"],
                defaults={"short_name": _party_short_name(party_spec["name"])},
            )
            self.parties[(key, party_spec["key"])] = party
        for org_spec in spec["organisations"]:
            organisation, _ = self._obtain(
                Organisation,
                None,
                name=org_spec["name"],
                defaults={"short_name": org_spec["short_name"], "kind": org_spec["kind"]},
            )
            self.organisations[org_spec["key"]] = organisation
            parties = [self.parties[(key, p)] for p in org_spec["parties"]]
            _add_missing(organisation.parties, parties)
            self.org_party[(key, org_spec["key"])] = (org_spec["parties"] or [None])[0]
        for body_spec in spec.get("principal_bodies", ()):
            body, _ = self._obtain(
                Organisation,
                None,
                name=body_spec["name"],
                defaults={"short_name": body_spec["short_name"], "kind": body_spec["kind"]},
            )
            self.organisations[body_spec["key"]] = body
        _add_missing(
            structure.secretariat_organisations,
            [self.organisations[k] for k in spec["secretariat"]],
        )

    def _forum(self, spec, forum_spec, index):
        key = forum_spec["key"]
        skey = spec["key"]
        self.forum_specs[key] = (spec, forum_spec)
        steerer = next(
            (f["key"] for f in spec["forums"] if key in f["steers"] and f["key"] in self.forums),
            None,
        )
        temporary = forum_spec["operative_temporary"]
        escalates_to = self.forums.get(forum_spec["escalates_to"])
        appointed_by = self.forums.get(forum_spec["appointed_by"])
        criteria = ""
        if temporary:
            appointer = appointed_by or escalates_to
            criteria = (
                "Sätts upp vid behov"
                + (f" av {appointer.name}" if appointer else "")
                + " när en fråga kräver särskild specialistkunskap eller samordning på "
                "operativ nivå. Avvecklas när uppdraget är slutfört."
            )
        forum, _ = self._obtain(
            Forum,
            None,
            slug=key,
            defaults={
                "structure": self.structures[skey],
                "name": forum_spec["name"],
                "short_name": forum_spec["short_name"],
                "tier": TIERS[forum_spec["tier"]],
                "kind": forum_spec["kind"],
                "escalates_to": escalates_to,
                "appointed_by": appointed_by,
                "steered_by": self.forums.get(steerer),
                "purpose": forum_spec["purpose"],
                "reports_to_forum": self.forums.get(forum_spec["reports_to"]),
                "principal_body": self.organisations.get(forum_spec["principal_body"]),
                "min_meetings_per_year": forum_spec["min_meetings_per_year"],
                "decision_rule": forum_spec["decision_rule"],
                "minutes_approval": forum_spec["minutes_approval"],
                "chair_rotation_months": forum_spec["rotation_months"],
                "chair_rotation_among": forum_spec["rotation_among"] or "",
                "chair_party": self.parties.get((skey, forum_spec["chair_party"])),
                "vice_chair_from_other_party": forum_spec["vice_chair_other_party"],
                "chair_party_differs_from": self.forums.get(forum_spec["chair_party_differs_from"]),
                "is_public": forum_spec["is_public"],
                "is_temporary": temporary,
                "setup_criteria": criteria,
                "active_from": TERM_START,
            },
        )
        self.forums[key] = forum
        for kind, items in (
            (AssignmentItem.Kind.GENERAL, forum_spec["general_assignments"]),
            (AssignmentItem.Kind.SPECIFIC, forum_spec["specific_assignments"]),
        ):
            for order, text in enumerate(items, start=1):
                self._obtain(
                    AssignmentItem,
                    forum,
                    forum=forum,
                    kind=kind,
                    order=order,
                    defaults={"text": text},
                )
        for seat in forum_spec["seats"]:
            if "organisation" in seat:
                lookup = {"organisation": self.organisations[seat["organisation"]]}
            else:
                lookup = {"party": self.parties[(skey, seat["party"])]}
            self._obtain(Seat, forum, forum=forum, **lookup, defaults={"count": seat["count"]})
        self.schedule[key] = self._meeting_times(forum_spec, index)

    def _steering(self, spec):
        """Set `steered_by` where the steering forum was created after the steered one."""
        for forum_spec in spec["forums"]:
            for steered_key in forum_spec["steers"]:
                steered = self.forums[steered_key]
                if steered.steered_by_id is None:
                    steered.steered_by = self.forums[forum_spec["key"]]
                    steered.save()

    def _coordination(self):
        """The forums whose meeting planning each forum coordinates with (they may be in a
        structure loaded after it)."""
        for _spec, forum_spec in self.forum_specs.values():
            forum = self.forums[forum_spec["key"]]
            others = [self.forums[key] for key in forum_spec["coordinates_with"]]
            if others:
                _add_missing(forum.coordinates_with, others)

    def _meeting_times(self, forum_spec, index):
        if forum_spec["meeting_days"]:
            return [_at(day, 9) for day in forum_spec["meeting_days"]]
        count = forum_spec["min_meetings_per_year"] or DEFAULT_MEETINGS_PER_YEAR
        months = MEETING_MONTHS.get(count) or [1 + (12 * i) // count for i in range(count)]
        weekday = 1 + index % 3  # Tuesday, Wednesday or Thursday
        week = 1 + (index // 3) % 2  # the second or third week of the month
        times = []
        for month in months:
            first = date(YEAR, month, 1)
            day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * week)
            times.append(_at(day, 9))
        return times
