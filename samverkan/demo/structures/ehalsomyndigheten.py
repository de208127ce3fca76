"""E-hälsomyndighetens samverkansstruktur (seed 000)."""

from .defaults import forum, organisation

STRUCTURE = {
    "key": "ehm",
    "name": "E-hälsomyndighetens samverkansstruktur",
    "description": (
        "I linje med E-hälsomyndighetens policy och riktlinje för intressentmedverkan ska "
        "arbetet präglas av nära samverkan och hög inkludering med berörda intressenter. "
        "Samverkansstrukturen utgör en viktig grund för att stödja arbetet och säkerställa att "
        "frågor tas på rätt nivå samt tydliggöra eskaleringsvägar. Samverkansstrukturen ger "
        "även förutsättningar för att justera grupper och forum vid behov."
    ),
    # Seed 000 describes no partnership: its forums' decisions are ordinary decisions.
    "is_partnership": False,
    "parties": [],
    "organisations": [
        organisation("ehalsomyndigheten"),
        organisation("skr"),
        organisation("inera", "Inera", "Inera", "company"),
        organisation("lakemedelsverket"),
        organisation(
            "apoteksforeningen", "Sveriges Apoteksförening", "Apoteksföreningen", "association"
        ),
        organisation("socialstyrelsen"),
        # The seed says only "regioner" / "apoteksaktörer" / "kundgrupper" / "övrig vård"
        # without naming them. ANTAGANDE: modelled as collective organisations.
        organisation("ehm-regioner", "Regionerna", "Regionerna", "region"),
        organisation("ehm-apoteksaktorer", "Apoteksaktörer", "Apoteksaktörer", "other"),
        organisation("ehm-kundgrupper", "Kundgrupper", "Kundgrupper", "other"),
        organisation("ehm-ovrig-vard", "Övrig vård", "Övrig vård", "other"),
    ],
    # ANTAGANDE: E-hälsomyndigheten runs its own collaboration structure.
    "secretariat": ["ehalsomyndigheten"],
    "forums": [
        forum(
            key="ehm-strategic",
            name="Strategiska samverkansforumet",
            short_name="Strategiskt samverkansforum",
            tier="strategic",
            kind="coordination_group",
            escalates_to=None,
            purpose=(
                "Vi samverkar kring formella uppdrag och strategier som varje deltagande "
                "organisation har samt diskuterar specifika frågeställningar av gemensamt "
                "intresse och synkar våra insatser utifrån ett helhetsperspektiv."
            ),
            # The seed has no bullet list; items below are lifted from its running text.
            general_assignments=[
                "samverka kring formella uppdrag och strategier som varje deltagande organisation har",
                "diskutera specifika frågeställningar av gemensamt intresse",
                "synka insatserna utifrån ett helhetsperspektiv",
                "säkerställa att frågor tas på rätt nivå samt tydliggöra eskaleringsvägar",
                "utse representanter till operativ samverkan",
            ],
            # One seat per named organisation; ANTAGANDE: two seats for the regions.
            seats=[
                {"organisation": "ehalsomyndigheten", "count": 1},
                {"organisation": "skr", "count": 1},
                {"organisation": "inera", "count": 1},
                {"organisation": "lakemedelsverket", "count": 1},
                {"organisation": "apoteksforeningen", "count": 1},
                {"organisation": "socialstyrelsen", "count": 1},
                {"organisation": "ehm-regioner", "count": 2},
            ],
        ),
        # Tactical level: the seed names the kinds (aktörsråd, referensgrupper,
        # kunddialoger) but not the individual groups.
        # ANTAGANDE: the three names below are plausible, not taken from the seed.
        forum(
            key="ehm-aktorsrad",
            name="Aktörsråd för Nationella läkemedelslistan",
            short_name="Aktörsråd NLL",
            tier="tactical",
            kind="actors_council",
            escalates_to="ehm-strategic",
            appointed_by="ehm-strategic",  # ANTAGANDE
            purpose=(
                "Vi samverkar i syfte att skapa rätt förutsättningar hos respektive aktör för "
                "att uppnå uppsatta mål och strategier."
            ),
            general_assignments=[  # lifted from the seed's running text
                "skapa rätt förutsättningar hos respektive aktör för att uppnå uppsatta mål och strategier",
                "utse representanter till operativ samverkan",
                "eskalera frågor till strategisk nivå",
            ],
            reports_to="ehm-strategic",
            seats=[  # ANTAGANDE: seat counts
                {"organisation": "ehalsomyndigheten", "count": 2},
                {"organisation": "apoteksforeningen", "count": 1},
                {"organisation": "skr", "count": 1},
                {"organisation": "ehm-regioner", "count": 2},
                {"organisation": "ehm-apoteksaktorer", "count": 2},
            ],
        ),
        forum(
            key="ehm-referensgrupp",
            name="Referensgrupp för e-recept och förskrivning",
            short_name="Referensgrupp e-recept",
            tier="tactical",
            kind="reference_group",
            escalates_to="ehm-strategic",
            appointed_by="ehm-strategic",  # ANTAGANDE
            purpose=(
                "Vi samverkar i syfte att skapa rätt förutsättningar hos respektive aktör för "
                "att uppnå uppsatta mål och strategier."
            ),
            general_assignments=[  # lifted from the seed's running text
                "skapa rätt förutsättningar hos respektive aktör för att uppnå uppsatta mål och strategier",
                "utse representanter till operativ samverkan",
                "eskalera frågor till strategisk nivå",
            ],
            reports_to="ehm-strategic",
            seats=[  # ANTAGANDE: seat counts
                {"organisation": "ehalsomyndigheten", "count": 2},
                {"organisation": "skr", "count": 1},
                {"organisation": "ehm-regioner", "count": 3},
                {"organisation": "ehm-ovrig-vard", "count": 1},
                {"organisation": "apoteksforeningen", "count": 1},
            ],
        ),
        forum(
            key="ehm-kunddialog",
            name="Kunddialog apotek",
            short_name="Kunddialog apotek",
            tier="tactical",
            kind="customer_dialogue",
            escalates_to="ehm-strategic",
            appointed_by="ehm-strategic",  # ANTAGANDE
            purpose=(
                "Vi samverkar i syfte att skapa rätt förutsättningar hos respektive aktör för "
                "att uppnå uppsatta mål och strategier."
            ),
            general_assignments=[  # lifted from the seed's running text
                "skapa rätt förutsättningar hos respektive aktör för att uppnå uppsatta mål och strategier",
                "utse representanter till operativ samverkan",
                "eskalera frågor till strategisk nivå",
            ],
            reports_to="ehm-strategic",
            seats=[  # ANTAGANDE: seat counts
                {"organisation": "ehalsomyndigheten", "count": 2},
                {"organisation": "ehm-apoteksaktorer", "count": 3},
                {"organisation": "apoteksforeningen", "count": 1},
                {"organisation": "ehm-kundgrupper", "count": 2},
            ],
        ),
        # Operative level: "sätts upp efter behov", representatives appointed via the
        # strategic and tactical forums. ANTAGANDE: the two groups below are plausible.
        forum(
            key="ehm-op-verksamhet",
            name="Operativ arbetsgrupp för verksamhetsfrågor om Nationella läkemedelslistan",
            short_name="Operativ grupp verksamhet NLL",
            tier="operative",
            kind="working_group",
            escalates_to="ehm-aktorsrad",
            appointed_by="ehm-aktorsrad",
            purpose=(
                "Samverkan på operativ nivå fokuserar på detaljerade frågeställningar, "
                "exempelvis verksamhets- och teknikfrågor."
            ),
            general_assignments=[  # lifted from the seed's running text
                "hantera detaljerade frågeställningar, exempelvis verksamhets- och teknikfrågor",
                "bidra med särskild specialistkunskap för olika sakområden och funktioner",
                "eskalera frågor till relevant forum på taktisk nivå",
            ],
            reports_to="ehm-aktorsrad",
            seats=[  # ANTAGANDE
                {"organisation": "ehalsomyndigheten", "count": 2},
                {"organisation": "ehm-apoteksaktorer", "count": 2},
                {"organisation": "ehm-regioner", "count": 2},
            ],
            operative_temporary=True,
        ),
        forum(
            key="ehm-op-teknik",
            name="Operativ arbetsgrupp för teknikfrågor om e-recept",
            short_name="Operativ grupp teknik e-recept",
            tier="operative",
            kind="working_group",
            escalates_to="ehm-referensgrupp",
            appointed_by="ehm-referensgrupp",
            purpose=(
                "Samverkan på operativ nivå fokuserar på detaljerade frågeställningar, "
                "exempelvis verksamhets- och teknikfrågor."
            ),
            general_assignments=[  # lifted from the seed's running text
                "hantera detaljerade frågeställningar, exempelvis verksamhets- och teknikfrågor",
                "bidra med särskild specialistkunskap för olika sakområden och funktioner",
                "eskalera frågor till relevant forum på taktisk nivå",
            ],
            reports_to="ehm-referensgrupp",
            seats=[  # ANTAGANDE
                {"organisation": "ehalsomyndigheten", "count": 2},
                {"organisation": "inera", "count": 1},
                {"organisation": "ehm-regioner", "count": 2},
                {"organisation": "ehm-apoteksaktorer", "count": 1},
            ],
            operative_temporary=True,
        ),
    ],
}

MEETING_PLACES = ["E-hälsomyndigheten, Stockholm", "Digitalt möte"]

# Plausible, fictional demo cases (ärenden).
CASES = [
    {
        "title": "Införande av Nationella läkemedelslistan i regionernas journalsystem",
        "description": "Samordnad tidplan och stöd till regionerna inför anslutning av journalsystemen till Nationella läkemedelslistan.",
    },
    {
        "title": "Hantering av makulerade e-recept på apotek",
        "description": "Oklarheter i hur makuleringar av e-recept visas för apotekspersonal behöver klargöras gemensamt.",
    },
    {
        "title": "Utfasning av äldre gränssnitt för e-recept",
        "description": "Förslag till tidplan och kommunikation när äldre tekniska gränssnitt för e-recept stängs.",
    },
    {
        "title": "Apotekens tillgång till förskrivningsorsak",
        "description": "Behov av att apoteken kan se förskrivningsorsak för att ge bättre rådgivning till kunder.",
    },
    {
        "title": "Samordnad information till förskrivare inför systemuppdatering",
        "description": "Gemensamt budskap och kanaler för att nå förskrivare i regioner och övrig vård.",
    },
    {
        "title": "Rutiner vid driftstörningar i e-recepttjänsten",
        "description": "Hur apoteksaktörer och vården informeras vid planerade och oplanerade driftstörningar.",
    },
    {
        "title": "Behörighetsstyrning för vårdens åtkomst till läkemedelslistan",
        "description": "Principer för vilka yrkesroller som ska ha åtkomst till uppgifter i Nationella läkemedelslistan.",
    },
    {
        "title": "Stöd för dosdispenserade läkemedel",
        "description": "Hantering av dosdispenserade läkemedel i Nationella läkemedelslistan och dosapotekens flöden.",
    },
    {
        "title": "Prioritering av utvecklingsönskemål från apoteksaktörer",
        "description": "Sammanställning och prioritering av inkomna önskemål om förändringar i e-hälsotjänsterna.",
    },
    {
        "title": "Gemensam testmiljö för apoteksaktörer och systemleverantörer",
        "description": "Behov av en stabil testmiljö för att verifiera anslutningar innan driftsättning.",
    },
    {
        "title": "Informationssäkerhet och loggning vid åtkomst till recept",
        "description": "Samsyn kring loggning och uppföljning av åtkomst till receptuppgifter.",
    },
    {
        "title": "Representation i operativ arbetsgrupp för teknikfrågor",
        "description": "Val av representanter med rätt specialistkunskap till en ny operativ arbetsgrupp.",
    },
]
