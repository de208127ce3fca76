"""Seats filled with people: chairs, vice chairs, members, deputies and secretaries, the
secretariat staff, and the object permissions that follow the mandates."""

import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from forums.models import Organisation
from forums.permissions import structure_secretariat_sync
from mandates.models import Mandate
from mandates.permissions import forum_permissions_sync

from .common import (
    CHAIR_FORUM,
    CHAIR_USERNAME,
    MEMBER_FORUMS,
    MEMBER_USERNAME,
    SECRETARIAT_STRUCTURES,
    SECRETARIAT_USERNAME,
    SEED,
    TERM_END,
    TERM_START,
    _add_missing,
)


@dataclass
class _Slot:
    """One seat in a forum and who fills it."""

    org_key: str
    party_key: str | None
    role: str = Mandate.Role.MEMBER
    person: object = None
    mandate: Mandate | None = None
    deputy: Mandate | None = None


class MandatesMixin:
    def _seat_slots(self, rng, spec, forum_spec):
        skey = spec["key"]
        slots = []
        for seat in forum_spec["seats"]:
            if "organisation" in seat:
                org_key = seat["organisation"]
                party = self.org_party[(skey, org_key)]
                slots += [_Slot(org_key, party) for _ in range(seat["count"])]
            else:
                party = seat["party"]
                members = [o["key"] for o in spec["organisations"] if party in o["parties"]]
                picks = rng.sample(members, min(seat["count"], len(members)))
                while len(picks) < seat["count"]:
                    picks.append(members[len(picks) % len(members)])
                slots += [_Slot(org_key, party) for org_key in picks]
        return slots

    def _chair_party_key(self, spec, forum_spec):
        party_keys = [p["key"] for p in spec["parties"]]
        if forum_spec["chair_party"]:
            return forum_spec["chair_party"]
        differs = forum_spec["chair_party_differs_from"]
        if differs and len(party_keys) == 2:
            held = self.chair_party.get(differs)
            return next((p for p in party_keys if p != held), None)
        if forum_spec["rotation_among"] == "parties" and party_keys:
            return party_keys[0]  # the first party holds the chair in 2026
        return None

    def _assign_roles(self, spec, forum_spec, slots):
        key = forum_spec["key"]
        two_parties = len(spec["parties"]) == 2  # chair and vice chair from different sides
        chair_party = self._chair_party_key(spec, forum_spec)
        candidates = [s for s in slots if chair_party is None or s.party_key == chair_party]
        if chair_party is None and two_parties:
            candidates = [s for s in slots if s.party_key] or slots
        if key == CHAIR_FORUM:
            candidates = [
                s
                for s in candidates
                if self.organisations[s.org_key].kind == Organisation.Kind.MUNICIPAL_ASSOCIATION
            ]
        chair = (candidates or slots)[0]
        chair.role = Mandate.Role.CHAIR
        self.chair_party[key] = chair.party_key
        others = [s for s in slots if s is not chair]
        if not others:
            return
        preferred = []
        if chair.party_key and (forum_spec["vice_chair_other_party"] or two_parties):
            preferred = [s for s in others if s.party_key and s.party_key != chair.party_key]
        vice = (preferred or [s for s in others if s.org_key != chair.org_key] or others)[0]
        vice.role = Mandate.Role.VICE_CHAIR

    def _mandates(self, spec, forum_spec):
        key = forum_spec["key"]
        skey = spec["key"]
        forum = self.forums[key]
        rng = random.Random(f"{SEED}:{key}")  # noqa: S311 - demo data, not security
        slots = self._seat_slots(rng, spec, forum_spec)
        self._assign_roles(spec, forum_spec, slots)
        # Demo logins take their seats.
        if key == CHAIR_FORUM:
            chair = next(s for s in slots if s.role == Mandate.Role.CHAIR)
            chair.person = self.demo_users[CHAIR_USERNAME]
            self._settle_organisation(chair.person, self.organisations[chair.org_key])
        if key in MEMBER_FORUMS:
            org_key = MEMBER_FORUMS[key]
            wanted_party = self.org_party[(skey, org_key)]
            members = [s for s in slots if s.role == Mandate.Role.MEMBER]
            slot = next((s for s in members if s.org_key == org_key), None) or next(
                s for s in members if s.party_key == wanted_party
            )
            slot.org_key = org_key
            slot.person = self.demo_users[MEMBER_USERNAME]
        for slot in slots:
            organisation = self.organisations[slot.org_key]
            if slot.person is None:
                slot.person = self._person(rng, forum, organisation, slot.role)
            slot.mandate = self._mandate(slot.person, forum, organisation, slot.role)
        # A few deputies, each for a member's mandate and from the same organisation.
        members = [s for s in slots if s.role == Mandate.Role.MEMBER]
        for slot in rng.sample(members, min(2, len(members))) if len(slots) >= 4 else []:
            organisation = self.organisations[slot.org_key]
            person = self._person(rng, forum, organisation, Mandate.Role.DEPUTY)
            slot.deputy = self._mandate(
                person, forum, organisation, Mandate.Role.DEPUTY, deputy_for=slot.mandate
            )
        self.slots[key] = slots
        # The secretary comes from the structure's secretariat.
        index = [f["key"] for f in spec["forums"]].index(key)
        sec_key = spec["secretariat"][index % len(spec["secretariat"])]
        organisation = self.organisations[sec_key]
        person = self._secretary_person(rng, spec, sec_key, forum)
        self.secretaries[key] = self._mandate(person, forum, organisation, Mandate.Role.SECRETARY)

    def _mandate(self, person, forum, organisation, role, deputy_for=None):
        if role == Mandate.Role.SECRETARY:
            scope = "Administrativt stöd: kallelser, dagordning och minnesanteckningar."
        elif role == Mandate.Role.DEPUTY:
            scope = f"Ersättare för {deputy_for.person} ({organisation.name})."
        else:
            scope = (
                f"Företräder {organisation.name} i {forum.name}; informerar, förankrar och "
                "bereder frågor i den egna organisationen."
            )
        mandate, _ = self._obtain(
            Mandate,
            person,
            person=person,
            forum=forum,
            role=role,
            defaults={
                "organisation": organisation,
                "deputy_for": deputy_for,
                "status": Mandate.Status.ACTIVE,
                "valid_from": TERM_START,
                "valid_to": TERM_END,
                "appointed_by": forum.appointed_by,
                "nominated_by": organisation,
                "scope": scope,
            },
        )
        return mandate

    def _secretariat_staff(self, spec):
        structure = self.structures[spec["key"]]
        staff = {
            m.person_id: m.person
            for k, m in self.secretaries.items()
            if self.forum_specs[k][0]["key"] == spec["key"]
        }
        if spec["key"] in SECRETARIAT_STRUCTURES:
            user = self.demo_users[SECRETARIAT_USERNAME]
            staff[user.pk] = user
        _add_missing(structure.secretariat_staff, list(staff.values()))

    def _grant_permissions(self):
        """Object permissions follow the mandates and the secretariat staff (idempotent)."""
        for structure in self.structures.values():
            structure_secretariat_sync(structure=structure)
        pairs = Mandate.objects.filter(forum__in=self.forums.values()).values_list(
            "person_id", "forum_id"
        )
        User = get_user_model()
        people = User.objects.in_bulk({person_id for person_id, _ in pairs})
        forums = {forum.pk: forum for forum in self.forums.values()}
        for person_id, forum_id in sorted(set(pairs)):
            forum_permissions_sync(person=people[person_id], forum=forums[forum_id])
