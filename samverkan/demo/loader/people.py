"""Invented people: names, titles and fictional phone numbers; the demo logins' own names."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from forums.models import Forum, Organisation
from mandates.models import Mandate

from .common import (
    ADMIN_USERNAME,
    CHAIR_USERNAME,
    DEMO_PASSWORD,
    EMAIL_DOMAIN,
    MEMBER_ORGANISATION,
    MEMBER_USERNAME,
    SECRETARIAT_SECRETARY_OF,
    SECRETARIAT_USERNAME,
    _fold,
)
from .logins import _ensure_admin, _ensure_login

# Telephone numbers that Swedish PTS sets aside for fiction (they never reach anyone).
FICTIONAL_PHONES = (
    [f"070-174 06 {n:02d}" for n in range(5, 100)]
    + [f"031-390 06 {n:02d}" for n in range(100)]
    + [f"040-628 04 {n:02d}" for n in range(100)]
    + [f"08-465 004 {n:02d}" for n in range(100)]
    + [f"0980-319 2{n:02d}" for n in range(100)]
)


TITLES = {
    "political": {
        "region": [
            "Regionråd",
            "Ledamot i hälso- och sjukvårdsstyrelsen",
            "Ordförande i servicenämnden",
        ],
        "municipal_association": ["Förbundsordförande", "Kommunstyrelsens ordförande"],
        "municipality": ["Kommunalråd"],
        None: ["Förtroendevald"],
    },
    Forum.Tier.STRATEGIC: {
        "agency": ["Generaldirektör", "Överdirektör"],
        "region": ["Regiondirektör", "Hälso- och sjukvårdsdirektör"],
        None: ["Direktör", "Verkställande direktör"],
    },
    Forum.Tier.TACTICAL: {
        None: ["Avdelningschef", "Enhetschef", "Verksamhetschef", "Läkemedelschef", "Chefläkare"],
    },
    Forum.Tier.OPERATIVE: {
        None: [
            "Utredare",
            "Sakkunnig",
            "Verksamhetsutvecklare",
            "Apotekare",
            "Strateg",
            "Handläggare",
            "Projektledare",
            "Systemförvaltare",
        ],
    },
    "patient_organisation": {
        None: ["Ordförande", "Förbundssekreterare", "Intressepolitisk handläggare"]
    },
    "secretary": {None: ["Sekreterare", "Samordnare", "Handläggare"]},
}


class PeopleMixin:
    def _next_name(self):
        for first, last in self.names:
            username = f"{_fold(first)}.{_fold(last)}"
            if username not in self.used_usernames:
                self.used_usernames.add(username)
                return first, last, username
        raise RuntimeError("The demo ran out of invented names.")

    def _title(self, rng, forum, organisation, role):
        if role == Mandate.Role.SECRETARY:
            table = TITLES["secretary"]
        elif organisation.kind == Organisation.Kind.PATIENT_ORGANISATION:
            table = TITLES["patient_organisation"]
        elif forum.kind in (Forum.Kind.POLITICAL_BODY,) or "politisk" in forum.name.lower():
            table = TITLES["political"]
        else:
            table = TITLES[forum.tier]
        return rng.choice(table.get(organisation.kind) or table[None])

    def _person(self, rng, forum, organisation, role):
        first, last, username = self._next_name()
        prominent = role in (Mandate.Role.CHAIR, Mandate.Role.VICE_CHAIR, Mandate.Role.SECRETARY)
        publish_email = prominent or rng.random() < 0.6
        publish_phone = prominent or rng.random() < 0.3
        title = self._title(rng, forum, organisation, role)
        phone = next(self.phones, "")
        User = get_user_model()
        person, _ = self._obtain(
            User,
            None,
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@{EMAIL_DOMAIN}",
                "organisation": organisation,
                "title": title,
                "phone": phone,
                "publish_email": publish_email,
                "publish_phone": publish_phone,
                "password": make_password(None),
            },
        )
        return person

    def _demo_logins(self):
        """The demo logins get invented names first, so the same names every time."""
        User = get_user_model()
        specs = {
            SECRETARIAT_USERNAME: ("vg-samarbetsorganisationen", "Sekreterare"),
            CHAIR_USERNAME: (None, "Förbundsstyrelsens ordförande"),  # set with the chair
            MEMBER_USERNAME: (MEMBER_ORGANISATION, "Avdelningschef"),
        }
        for username, (org_key, title) in specs.items():
            first, last, folded = self._next_name()
            user, _ = self._obtain(
                User,
                None,
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{folded}@{EMAIL_DOMAIN}",
                    "organisation": self.organisations.get(org_key),
                    "title": title,
                    "phone": next(self.phones, ""),
                    "publish_email": True,
                    "publish_phone": True,
                    "password": make_password(DEMO_PASSWORD),
                },
            )
            self.demo_users[username] = _ensure_login(user, is_staff=False)
        self.demo_users[ADMIN_USERNAME] = _ensure_admin()

    def _settle_organisation(self, user, organisation):
        if user.organisation_id is None:
            user.organisation = organisation
            user.save()

    def _secretary_person(self, rng, spec, sec_key, forum):
        if spec["key"] == SECRETARIAT_SECRETARY_OF:
            return self.demo_users[SECRETARIAT_USERNAME]
        cache = self.secretary_people
        if (spec["key"], sec_key) not in cache:
            cache[(spec["key"], sec_key)] = self._person(
                rng, forum, self.organisations[sec_key], Mandate.Role.SECRETARY
            )
        return cache[(spec["key"], sec_key)]
