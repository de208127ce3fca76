"""Västra Götaland: SRO and the political preparatory group for medical devices (seed 002)."""

from .defaults import forum, organisation

STRUCTURE = {
    "key": "vg",
    "name": "Samverkan om medicintekniska produkter i Västra Götaland",
    "description": (
        "Det övergripande politiska ansvaret åvilar Samrådsorganet SRO, som leder och utvecklar "
        "samverkan inom bland annat området läkemedelsnära produkter i Västra Götaland, på "
        "uppdrag av Västra Götalandsregionen och Västra Götalands kommuner. För samråd och "
        "samverkan om försörjningen av medicintekniska produkter finns en politisk "
        "beredningsgrupp."
    ),
    # Two parties (the municipalities and VGR), but seed 002 does not make their decisions
    # non-binding joint positions: not a partnership.
    "is_partnership": False,
    "parties": [
        {"key": "vg-kommunerna", "name": "Kommunerna i Västra Götaland"},
        {"key": "vg-vgr", "name": "Västra Götalandsregionen"},
    ],
    # SRO's principals (outside the portal).
    "principal_bodies": [
        organisation(
            "vgr-och-kommunerna",
            "Västra Götalandsregionen och Västra Götalands kommuner",
            "VGR och kommunerna",
            "other",
        ),
    ],
    "organisations": [
        organisation("vgr", "Västra Götalandsregionen", "VGR", "region", parties=["vg-vgr"]),
        # The seed says "de fyra kommunalförbunden"; names are the common real names.
        organisation(
            "fyrbodal",
            "Fyrbodals kommunalförbund",
            "Fyrbodal",
            "municipal_association",
            parties=["vg-kommunerna"],
        ),
        organisation(
            "skaraborg",
            "Skaraborgs kommunalförbund",
            "Skaraborg",
            "municipal_association",
            parties=["vg-kommunerna"],
        ),
        organisation(
            "sjuharad",
            "Boråsregionen Sjuhärads kommunalförbund",
            "Sjuhärad",
            "municipal_association",
            parties=["vg-kommunerna"],
        ),
        organisation(
            "goteborgsregionen",
            "Göteborgsregionen",
            "GR",
            "municipal_association",
            parties=["vg-kommunerna"],
        ),
        organisation(
            "goteborgs-stad",
            "Göteborgs Stad",
            "Göteborgs Stad",
            "municipality",
            parties=["vg-kommunerna"],
        ),
        organisation(
            "vastkom", "VästKom", "VästKom", "municipal_association", parties=["vg-kommunerna"]
        ),
        # "Ett administrativt stöd i form av sekreterare utses från samarbetsorganisationen."
        organisation(
            "vg-samarbetsorganisationen",
            "Samarbetsorganisationen",
            "Samarbetsorganisationen",
            "other",
        ),
    ],
    "secretariat": ["vg-samarbetsorganisationen"],
    "forums": [
        forum(
            key="vg-sro",
            name="Det politiska samrådsorganet mellan VästKom och Västra Götalandsregionen",
            short_name="SRO",
            tier="strategic",
            kind="political_body",
            escalates_to=None,
            purpose=(
                "SRO är ett organ för övergripande politisk samverkan för gemensamma "
                "välfärdsfrågor varav läkemedelsnära produkter är ett område."
            ),
            # Lifted from the seed's running text (no bullets for SRO).
            general_assignments=[
                "leda och utveckla samverkan inom bland annat området läkemedelsnära produkter i Västra Götaland",
                "fastställa uppdragshandling till den politiska beredningsgruppen",
                "årligen följa beredningsgruppens arbete genom rapport från beredningsgruppen",
            ],
            minutes_approval="chair_and_other_party_member",  # ANTAGANDE
            principal_body="vgr-och-kommunerna",
            # "ordförande från de fyra kommunalförbunden"; VGR: "ordförande och vice
            # ordförande i regionstyrelsen samt Hälso- och sjukvårdsstyrelsen" (= 4).
            seats=[
                {"organisation": "fyrbodal", "count": 1},
                {"organisation": "skaraborg", "count": 1},
                {"organisation": "sjuharad", "count": 1},
                {"organisation": "goteborgsregionen", "count": 1},
                {"organisation": "vgr", "count": 4},
            ],
        ),
        forum(
            key="vg-beredningsgrupp",
            name="Politisk beredningsgrupp för medicintekniska produkter",
            short_name="Politisk beredningsgrupp",
            tier="tactical",
            kind="preparatory_group",
            escalates_to="vg-sro",
            appointed_by="vg-sro",  # "SRO fastställer uppdragshandling ..."
            purpose=(
                "För samråd och samverkan om försörjningen av medicintekniska produkter finns en "
                "politisk beredningsgrupp. Beredningsgruppen, som utgör ett avtalsbundet samråd, "
                "arbetar på uppdrag av Västra Götalandsregionen och de 49 kommunerna och "
                "rapporterar till det politiska samrådsorganet, SRO."
            ),
            general_assignments=[
                "Främja samverkan mellan VGR och länets kommuner inom det medicintekniska området",
                "Bevaka strategiska samverkansfrågor för gemensamma IT-system",
                "Ta ställning till principiella ekonomifrågor",
                "Ge rekommendationer till utökade samarbetsformer mellan VGR och länets kommuner inom det medicintekniska området samt säkerställa att samarbetet följs upp",
                "Ge rekommendation om principiella förändringar gällande regelverk för förskrivning avseende MTP",
            ],
            min_meetings_per_year=4,
            decision_rule="consensus",
            minutes_approval="chair_and_other_party_member",
            chair_party="vg-kommunerna",
            vice_chair_other_party=True,
            reports_to="vg-sro",
            # VGR's five: two from hälso- och sjukvårdsstyrelsen, one from ägarutskottet,
            # one from hälso- och sjukvårdsnämnderna, one from servicenämnden.
            seats=[
                {"organisation": "vgr", "count": 5},
                {"organisation": "fyrbodal", "count": 1},
                {"organisation": "skaraborg", "count": 1},
                {"organisation": "sjuharad", "count": 1},
                {"organisation": "goteborgsregionen", "count": 1},
                {"organisation": "goteborgs-stad", "count": 1},
            ],
        ),
        # The seed mentions "ledningsrådet" whose chair and vice chair prepare the
        # cases. ANTAGANDE: modelled as the operative (official-level) forum; its
        # charter and seats are assumptions.
        forum(
            key="vg-ledningsradet",
            name="Ledningsrådet för medicintekniska produkter",
            short_name="Ledningsrådet",
            tier="operative",
            kind="council",
            escalates_to="vg-beredningsgrupp",
            purpose=(  # ANTAGANDE
                "Bereda ärenden till den politiska beredningsgruppens sammanträden och leda "
                "samverkan om medicintekniska produkter på tjänstepersonsnivå."
            ),
            general_assignments=[  # ANTAGANDE
                "bereda ärenden till beredningsgruppens sammanträden",
                "följa upp samarbetet mellan VGR och länets kommuner inom det medicintekniska området",
                "eskalera principiella frågor till den politiska beredningsgruppen",
            ],
            minutes_approval="chair_and_other_party_member",  # ANTAGANDE
            reports_to="vg-beredningsgrupp",
            seats=[  # ANTAGANDE
                {"organisation": "vgr", "count": 3},
                {"organisation": "fyrbodal", "count": 1},
                {"organisation": "skaraborg", "count": 1},
                {"organisation": "sjuharad", "count": 1},
                {"organisation": "goteborgsregionen", "count": 1},
                {"organisation": "goteborgs-stad", "count": 1},
            ],
        ),
        # ANTAGANDE: a temporary working group on prescribing rules for MTP.
        forum(
            key="vg-ag-forskrivning",
            name="Arbetsgrupp regelverk för förskrivning av MTP",
            short_name="Arbetsgrupp förskrivning MTP",
            tier="operative",
            kind="working_group",
            escalates_to="vg-beredningsgrupp",
            appointed_by="vg-beredningsgrupp",
            purpose=(
                "Ta fram underlag inför rekommendation om principiella förändringar gällande "
                "regelverk för förskrivning avseende MTP."
            ),
            general_assignments=[  # ANTAGANDE: derived from the group's last bullet
                "ta fram underlag om principiella förändringar gällande regelverk för förskrivning avseende MTP",
            ],
            decision_rule="consensus",
            minutes_approval="chair",
            reports_to="vg-beredningsgrupp",
            seats=[
                {"organisation": "vgr", "count": 2},
                {"party": "vg-kommunerna", "count": 2},
            ],
            operative_temporary=True,
        ),
    ],
}

MEETING_PLACES = ["Regionens hus, Vänersborg", "VästKom, Göteborg"]

# Plausible, fictional demo cases (ärenden).
CASES = [
    {
        "title": "Principiella förändringar i regelverket för förskrivning av MTP",
        "description": "Förslag till rekommendation om ändrade regler för förskrivning av medicintekniska produkter.",
    },
    {
        "title": "Kostnadsfördelning för inkontinenshjälpmedel",
        "description": "Principiell ekonomifråga om fördelning av kostnader mellan VGR och länets kommuner.",
    },
    {
        "title": "Gemensamt IT-stöd för beställning av medicintekniska produkter",
        "description": "Strategisk samverkansfråga om gemensamt IT-system för beställning och förskrivning.",
    },
    {
        "title": "Uppföljning av samarbetet om medicintekniska produkter",
        "description": "Hur samarbetet mellan VGR och kommunerna inom det medicintekniska området ska följas upp.",
    },
    {
        "title": "Utökad samverkan kring diabeteshjälpmedel",
        "description": "Rekommendation om utökade samarbetsformer mellan VGR och länets kommuner.",
    },
    {
        "title": "Årlig rapport till SRO",
        "description": "Beredningsgruppens årliga rapport till det politiska samrådsorganet.",
    },
    {
        "title": "Förskrivningsrätt för kommunal hälso- och sjukvårdspersonal",
        "description": "Vilka yrkesgrupper i kommunerna som ska kunna förskriva medicintekniska produkter.",
    },
    {
        "title": "Egenavgifter för medicintekniska produkter",
        "description": "Principer för egenavgifter och hur de ska tillämpas lika i länet.",
    },
    {
        "title": "Sortiment för sårvårdsprodukter",
        "description": "Samverkan kring sortiment och förskrivning av sårvårdsprodukter inför ny upphandling.",
    },
    {
        "title": "Övergång till nytt beställningssystem – tidplan och finansiering",
        "description": "Principiell ekonomifråga om finansiering av övergången till ett nytt beställningssystem.",
    },
    {
        "title": "Prisjustering i samverkansavtalet",
        "description": "Förslag till principer för årlig prisjustering i avtalet mellan VGR och kommunerna.",
    },
    {
        "title": "Mötesplan och prioriteringar för beredningsgruppen",
        "description": "Planering av årets sammanträden och prioriterade frågor.",
    },
]
