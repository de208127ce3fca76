"""Sydöstra sjukvårdsregionen: regional samverkansgrupp läkemedel (seed 001)."""

from .defaults import forum, organisation

STRUCTURE = {
    "key": "sos",
    "name": "Sydöstra sjukvårdsregionen – regional samverkan läkemedel",
    "description": (
        "Region Jönköpings län, Region Kalmar län och Region Östergötland bildar tillsammans "
        "Sydöstra sjukvårdsregionen. Sjukvårdsregionen organiserar regionala samverkansgrupper "
        "som till stor del motsvarar de nationella samverkansgrupper som Sveriges regioner "
        "beslutat samverka i för en mer kunskapsbaserad, jämlik och resurseffektiv vård."
    ),
    # Seed 001 describes no partnership: the regions' group decides as an ordinary forum.
    "is_partnership": False,
    "parties": [],
    # The body the regional management reports to (outside the portal).
    "principal_bodies": [
        organisation(
            "samverkansnamnden", "Samverkansnämnden", "Samverkansnämnden", "political_body"
        ),
    ],
    "organisations": [
        organisation("region-jonkoping", "Region Jönköpings län", "RJL", "region"),
        organisation("region-kalmar", "Region Kalmar län", "Region Kalmar", "region"),
        organisation("region-ostergotland", "Region Östergötland", "Region Östergötland", "region"),
        # "Regionsjukvårdsledningens stab stöder samverkansgrupperna i praktiska frågor."
        organisation("sos-rsl-stab", "Regionsjukvårdsledningens stab", "RSL stab", "other"),
    ],
    "secretariat": ["sos-rsl-stab"],
    "forums": [
        # ANTAGANDE: Regionsjukvårdsledningen modelled as the strategic forum (the seed
        # says the groups work on its assignment); charter texts are assumptions.
        forum(
            key="sos-rsl",
            name="Regionsjukvårdsledningen",
            short_name="RSL",
            tier="strategic",
            kind="steering_group",
            escalates_to=None,
            purpose=(
                "Leda samverkan om vård i Sydöstra sjukvårdsregionen utifrån regionernas "
                "samverkansavtal och Samverkansnämndens årliga överenskommelse om samverkan och "
                "vård i sjukvårdsregionen."
            ),
            general_assignments=[  # ANTAGANDE
                "ge uppdrag till sjukvårdsregionens samverkansgrupper",
                "ta emot samverkansgruppernas årliga handlingsplan och årsrapport",
                "bereda frågor till Samverkansnämnden",
            ],
            principal_body="samverkansnamnden",
            seats=[  # ANTAGANDE: two per region
                {"organisation": "region-jonkoping", "count": 2},
                {"organisation": "region-kalmar", "count": 2},
                {"organisation": "region-ostergotland", "count": 2},
            ],
        ),
        forum(
            key="sos-lakemedel",
            name="Regional samverkansgrupp läkemedel",
            short_name="RSG läkemedel",
            tier="tactical",
            kind="coordination_group",
            escalates_to="sos-rsl",
            appointed_by="sos-rsl",
            # "Regional samverkansgrupp läkemedel är styrgrupp för sjukvårdsregionens
            # läkemedelsupphandlingsgrupp."
            steers=["sos-upphandling"],
            purpose=(
                "Kunskapsbaserad, jämlik och resurseffektiv vård. Samverkan ska bidra till att "
                "bästa möjliga kunskap används i varje möte mellan patient och vårdpersonal."
            ),
            general_assignments=[
                "stödja nationella programområden som sjukvårdsregionen har nationellt värdskap för",
                "stödja regionala programområden",
                "vara kontaktväg för regionernas lokala resurser",
                "vara plattform för erfarenhetsutbyte och lärande",
                "nominera och stödja representanter i nationella arbetsgrupper",
                "samverka med andra sjukvårdsregionala samverkansgrupper och strukturer",
                "vara referensgrupp och remissinstans i nationella och sjukvårdsregionala frågor",
                "vid behov bistå Regionsjukvårdsledningen och Samverkansnämnden i arbetsgrupper för särskilda uppdrag",
            ],
            specific_assignments=[
                "främja att läkemedelsfrågor hanteras lika i sjukvårdsregionen",
                "samordna införande av läkemedel som inte samordnas nationellt",
                "gemensamt besluta i frågor kopplade till statliga myndigheter",
                "ha gemensamma kontakter med läkemedelsindustrin",
                "utveckla arbetet med gemensamma utbildningsinsatser",
                "samverka kring frågor om patientsäkerhet relaterat till läkemedel",
            ],
            decision_rule="consensus",  # ANTAGANDE ("gemensamt besluta")
            rotation_months=24,  # "Uppdraget som ordförande roterar i tvåårsperioder."
            rotation_among="organisations",
            reports_to="sos-rsl",
            seats=[  # ANTAGANDE: two representatives per region
                {"organisation": "region-jonkoping", "count": 2},
                {"organisation": "region-kalmar", "count": 2},
                {"organisation": "region-ostergotland", "count": 2},
            ],
        ),
        # The procurement group is named in the seed; its charter texts are ANTAGANDE.
        forum(
            key="sos-upphandling",
            name="Sjukvårdsregionens läkemedelsupphandlingsgrupp",
            short_name="Läkemedelsupphandlingsgruppen",
            tier="operative",
            kind="procurement_group",
            escalates_to="sos-lakemedel",
            appointed_by="sos-lakemedel",  # ANTAGANDE
            purpose=(  # ANTAGANDE
                "Samordna sjukvårdsregionens gemensamma upphandlingar av läkemedel med "
                "Regional samverkansgrupp läkemedel som styrgrupp."
            ),
            general_assignments=[  # ANTAGANDE
                "planera och genomföra gemensamma läkemedelsupphandlingar för sjukvårdsregionen",
                "följa upp ingångna läkemedelsavtal",
                "rapportera till och eskalera frågor till Regional samverkansgrupp läkemedel",
            ],
            reports_to="sos-lakemedel",
            seats=[  # ANTAGANDE
                {"organisation": "region-jonkoping", "count": 1},
                {"organisation": "region-kalmar", "count": 1},
                {"organisation": "region-ostergotland", "count": 1},
            ],
        ),
        # "Vid behov organiseras arbetsgrupper för särskilda uppdrag eller delar av
        # uppdraget." ANTAGANDE: one such temporary working group.
        forum(
            key="sos-ag-utbildning",
            name="Arbetsgrupp gemensamma utbildningsinsatser läkemedel",
            short_name="Arbetsgrupp utbildning",
            tier="operative",
            kind="working_group",
            escalates_to="sos-lakemedel",
            appointed_by="sos-lakemedel",
            purpose="Utveckla arbetet med gemensamma utbildningsinsatser.",
            general_assignments=[
                "utveckla arbetet med gemensamma utbildningsinsatser",
            ],
            reports_to="sos-lakemedel",
            seats=[
                {"organisation": "region-jonkoping", "count": 1},
                {"organisation": "region-kalmar", "count": 1},
                {"organisation": "region-ostergotland", "count": 1},
            ],
            operative_temporary=True,
        ),
    ],
}

MEETING_PLACES = ["Regionens hus, Jönköping", "Regionens hus, Kalmar", "Regionhuset, Linköping"]

# Plausible, fictional demo cases (ärenden).
CASES = [
    {
        "title": "Gemensam upphandling av biologiska läkemedel",
        "description": "Inriktning för sjukvårdsregionens kommande upphandling av biologiska läkemedel och biosimilarer.",
    },
    {
        "title": "Samordnat införande av läkemedel utanför nationellt ordnat införande",
        "description": "Gemensam bedömning och rekommendation för nya läkemedel som inte samordnas nationellt.",
    },
    {
        "title": "Gemensamt ställningstagande inför myndighetsbeslut om subvention",
        "description": "Sjukvårdsregionens gemensamma hållning i en fråga kopplad till statliga myndigheter.",
    },
    {
        "title": "Riktlinjer för kontakter med läkemedelsindustrin",
        "description": "Gemensamma principer för hur regionerna tar emot och hanterar kontakter med läkemedelsföretag.",
    },
    {
        "title": "Sjukvårdsregional utbildningsdag om rationell läkemedelsanvändning",
        "description": "Planering av gemensam utbildningsinsats för förskrivare i de tre regionerna.",
    },
    {
        "title": "Läkemedelsrelaterade avvikelser – gemensam analys",
        "description": "Erfarenhetsutbyte och gemensamma åtgärder kring patientsäkerhet relaterat till läkemedel.",
    },
    {
        "title": "Remissvar om nationell rekommendation för läkemedelsgenomgångar",
        "description": "Samverkansgruppen är remissinstans och ska lämna ett gemensamt svar.",
    },
    {
        "title": "Nominering av representant till nationell samverkansgrupp",
        "description": "Nominering av sjukvårdsregionens representant till nationell samverkansgrupp läkemedel och medicinsk teknik.",
    },
    {
        "title": "Handlingsplan för regional samverkansgrupp läkemedel",
        "description": "Förslag till årlig handlingsplan att publicera på sjukvårdsregionens webbplats.",
    },
    {
        "title": "Årsrapport till Regionsjukvårdsledningen",
        "description": "Sammanställning av gruppens arbete under året för rapportering till Regionsjukvårdsledningen.",
    },
    {
        "title": "Samordnad hantering av restnoterade läkemedel",
        "description": "Hur regionerna gemensamt hanterar bristsituationer och informerar vården.",
    },
    {
        "title": "Uppföljning av läkemedelsavtal",
        "description": "Läkemedelsupphandlingsgruppens rapport om följsamhet till ingångna avtal.",
    },
]
