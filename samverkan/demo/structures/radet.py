"""Rådet för styrning med kunskap (seed 004): the nine agencies and their council.

Minimal on purpose: the council forum and a few meetings in 2026, so that Partnerskapet's
strategic and tactical groups have a body to coordinate their meeting planning with.
Another issue adds the patient and user organisations and the dialogue meetings.
"""

from datetime import date

from .defaults import forum, organisation

# "I Rådet för styrning med kunskap ingår eHälsomyndigheten, Folkhälsomyndigheten,
# Forskningsrådet för hälsa, arbetsliv och välfärd, Inspektionen för vård och omsorg,
# Läkemedelsverket, Myndigheten för delaktighet, Socialstyrelsen, Statens beredning för
# medicinsk och social utvärdering, Tandvårds- och läkemedelsförmånsverket."
AGENCIES = (
    "ehalsomyndigheten",
    "folkhalsomyndigheten",
    "forte",
    "ivo",
    "lakemedelsverket",
    "mfd",
    "socialstyrelsen",
    "sbu",
    "tlv",
)

STRUCTURE = {
    "key": "radet",
    "name": "Rådet för styrning med kunskap",
    "description": (
        "I Rådet för styrning med kunskap ingår nio myndigheter som samverkar kring den "
        "statliga styrningen med kunskap inom hälso- och sjukvård och socialtjänst."
    ),
    "is_partnership": False,
    "parties": [],
    "organisations": [organisation(key) for key in AGENCIES],
    # ANTAGANDE: Socialstyrelsen holds Rådet's kansli.
    "secretariat": ["socialstyrelsen"],
    "forums": [
        forum(
            key="radet-radet",
            name="Rådet för styrning med kunskap",
            short_name="Rådet",
            tier="strategic",
            kind="council",
            escalates_to=None,
            purpose=(
                "Rådet samordnar de nio myndigheternas statliga styrning med kunskap inom "
                "hälso- och sjukvård och socialtjänst."
            ),
            general_assignments=[
                "samordna myndigheternas styrning med kunskap",
                "företräda myndigheterna i partnerskapet för stöd till kunskapsstyrning",
            ],
            # ANTAGANDE: the director generals, one seat per agency.
            seats=[{"organisation": key, "count": 1} for key in AGENCIES],
            is_public=True,
            # ANTAGANDE: four meetings in 2026; on 9 April and 15 December Partnerskapet's
            # strategic and tactical groups meet the same day (their planners warn of it).
            min_meetings_per_year=4,
            meeting_days=[
                date(2026, 2, 26),
                date(2026, 4, 9),
                date(2026, 9, 24),
                date(2026, 12, 15),
            ],
        ),
    ],
}

MEETING_PLACES = ["Socialstyrelsen, Stockholm", "Digitalt möte"]

# Rådet raises no cases in the demo (it has no operative forum); these are agenda topics.
CASES = [
    {
        "title": "Myndigheternas gemensamma planering av kunskapsstöd",
        "description": "Avstämning av myndigheternas planerade kunskapsstöd för kommande år.",
    },
    {
        "title": "Rapport från partnerskapet för stöd till kunskapsstyrning",
        "description": "Återrapport från partnerskapets strategiska styrgrupp.",
    },
    {
        "title": "Patient- och brukarmedverkan i myndigheternas arbete",
        "description": "Hur myndigheterna tar till vara patient- och brukarorganisationernas kunskap.",
    },
]
