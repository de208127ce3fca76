"""Partnerskapet för stöd till kunskapsstyrning (seeds 003 and 004)."""

from .defaults import forum, organisation

STRUCTURE = {
    "key": "pks",
    "name": "Partnerskapet för stöd till kunskapsstyrning inom hälso- och sjukvården",
    "description": (
        "Styrgruppen för kunskapsstyrning i samverkan (SKS) och Rådet för statlig styrning med "
        "kunskap (Rådet) har enats om att skapa och uttala ett tillitsbaserat partnerskap som "
        "modell för långsiktig samverkan på nationell nivå i frågor som rör kunskapsstyrning "
        "inom hälso- och sjukvården. I de fall beslut fattas i partnerskapet är de inte "
        "bindande, utan ska betraktas som gemensamma ställningstaganden som bygger på de "
        "ingående aktörernas önskemål."
    ),
    # Seed 003: "I de fall beslut fattas i partnerskapet är de inte bindande, utan ska
    # betraktas som gemensamma ställningstaganden".
    "is_partnership": True,
    "parties": [
        {"key": "sks", "name": "Styrgruppen för kunskapsstyrning i samverkan (SKS)"},
        {"key": "radet", "name": "Rådet för statlig styrning med kunskap (Rådet)"},
    ],
    "organisations": [
        # SKS: one representative per sjukvårdsregion plus one from SKR (seed: "SKL").
        organisation("sjvreg-norra", "Norra sjukvårdsregionen", "Norra", "region", parties=["sks"]),
        organisation(
            "sjvreg-mellansverige",
            "Sjukvårdsregion Mellansverige",
            "Mellansverige",
            "region",
            parties=["sks"],
        ),
        organisation(
            "sjvreg-stockholm-gotland",
            "Sjukvårdsregion Stockholm-Gotland",
            "Stockholm-Gotland",
            "region",
            parties=["sks"],
        ),
        organisation(
            "sjvreg-sydostra", "Sydöstra sjukvårdsregionen", "Sydöstra", "region", parties=["sks"]
        ),
        organisation("sjvreg-sodra", "Södra sjukvårdsregionen", "Södra", "region", parties=["sks"]),
        organisation(
            "sjvreg-vastra", "Västra sjukvårdsregionen", "Västra", "region", parties=["sks"]
        ),
        organisation("skr", parties=["sks"]),
        # Rådet per seed 003.
        organisation("socialstyrelsen", parties=["radet"]),
        organisation("tlv", parties=["radet"]),
        organisation("sbu", parties=["radet"]),
        organisation("lakemedelsverket", parties=["radet"]),
        organisation("folkhalsomyndigheten", parties=["radet"]),
        organisation("ehalsomyndigheten", parties=["radet"]),
        # Seed 004: Rådet also includes these ("Vid behov kan fler myndigheter ingå").
        organisation("forte", parties=["radet"]),
        organisation("ivo", parties=["radet"]),
        organisation("mfd", parties=["radet"]),
        # Seed 004: patient and user organisations (not parties of the partnership).
        organisation("neuroforbundet", "Neuroförbundet", "Neuroförbundet", "patient_organisation"),
        organisation(
            "sallsynta-diagnoser",
            "Riksförbundet Sällsynta diagnoser",
            "Sällsynta diagnoser",
            "patient_organisation",
        ),
        organisation("pro", "Pensionärernas riksorganisation", "PRO", "patient_organisation"),
        organisation(
            "nsph", "Nationell samverkan för psykisk hälsa", "NSPH", "patient_organisation"
        ),
    ],
    # The principal body of the strategic group (ANTAGANDE: Rådet answers to the government).
    "principal_bodies": [
        organisation("regeringen", "Regeringen (via Rådet)", "Regeringen", "political_body"),
    ],
    # "Stödfunktionen för landstingens och regionernas kunskapsstyrningsstruktur vid SKR
    # samt Socialstyrelsen svarar för ett kansli för partnerskapet."
    "secretariat": ["skr", "socialstyrelsen"],
    "forums": [
        forum(
            key="pks-styrgrupp",
            name="Strategisk styrgrupp för partnerskapet",
            short_name="Strategisk styrgrupp",
            tier="strategic",
            kind="steering_group",
            escalates_to=None,
            steers=["pks-samordningsgrupp"],
            purpose=(
                "Partnerskapet ska bidra till en gemensam nationell kunskapsstyrning. "
                "Partnerskapet har som mål att bidra till en god hälsa i befolkningen genom en "
                "god vård som ska vara kunskapsbaserad, säker, individanpassad, jämlik, "
                "tillgänglig och effektiv."
            ),
            general_assignments=[
                "utse den taktiska samordningsgruppen samt säkerställa dess mandat.",
                "årligen besluta om vilka övergripande utvecklingsområden som särskilt ska prioriteras inom partnerskapet",
                "följa och utvärdera samarbetet inom partnerskapet.",
                "vid behov vidareutveckla partnerskapets arbetsformer, styrning och ledning.",
                "verka för att få till en helhet i den gemensamma kunskapsstyrningen där även socialtjänst och närliggande hälso- och sjukvård ingår.",
            ],
            min_meetings_per_year=2,
            decision_rule="consensus",  # joint positions, binding no party
            minutes_approval="chair",  # ANTAGANDE: the kansli documents the meetings
            rotation_months=12,
            rotation_among="parties",
            principal_body="regeringen",
            coordinates_with=["radet-radet"],
            # SKS (six sjukvårdsregioner + SKR) and the director generals of six agencies.
            seats=[
                {"organisation": "sjvreg-norra", "count": 1},
                {"organisation": "sjvreg-mellansverige", "count": 1},
                {"organisation": "sjvreg-stockholm-gotland", "count": 1},
                {"organisation": "sjvreg-sydostra", "count": 1},
                {"organisation": "sjvreg-sodra", "count": 1},
                {"organisation": "sjvreg-vastra", "count": 1},
                {"organisation": "skr", "count": 1},
                {"organisation": "socialstyrelsen", "count": 1},
                {"organisation": "tlv", "count": 1},
                {"organisation": "sbu", "count": 1},
                {"organisation": "lakemedelsverket", "count": 1},
                {"organisation": "ehalsomyndigheten", "count": 1},
                {"organisation": "folkhalsomyndigheten", "count": 1},
            ],
        ),
        forum(
            key="pks-samordningsgrupp",
            name="Taktisk samordningsgrupp för partnerskapet",
            short_name="Taktisk samordningsgrupp",
            tier="tactical",
            kind="coordination_group",
            escalates_to="pks-styrgrupp",
            appointed_by="pks-styrgrupp",
            purpose=(
                "Samordningsgruppen träffas regelbundet för att löpande kunna lyfta och besluta "
                "om aktuella frågor och behov utifrån de övergripande sakområden och processer "
                "som partnerskapet ska samverka inom."
            ),
            general_assignments=[
                "identifiera olika målgruppers behov av stöd och underlag för ändamålsenlig och effektiv kunskapsstyrning",
                "utifrån målgruppernas behov föreslå insatser, prioritera mellan dessa insatser samt samordna och föreslå vem som gör vad",
                "stödja utvecklingen av uppföljningen av hälso- och sjukvården i syfte att skapa förutsättningar för ökat genomslag av de nationella kunskapsstöden och på så sätt lägga grund för ett systematiskt förbättringsarbete på alla nivåer",
                "identifiera och ta fram lösningsförslag rörande eventuella oklarheter gällande roll-/arbetsfördelningen",
                "ansvara för regelbunden uppföljning av samverkan inom partnerskapet",
            ],
            # Lifted from the seed's running text.
            specific_assignments=[
                "informera och återkoppla till styrgruppen samt uppmärksamma styrgruppen på potentiella oklarheter inom partnerskapet",
                "besluta om inriktningen för samverkan med samverkansgrupperna inom regionernas nationella struktur för kunskapsstyrning (inriktningsdokument)",
            ],
            min_meetings_per_year=None,  # "träffas regelbundet"
            decision_rule="consensus",
            rotation_months=12,
            rotation_among="parties",
            chair_party_differs_from="pks-styrgrupp",
            reports_to="pks-styrgrupp",
            coordinates_with=["radet-radet"],
            # "Respektive part nominerar sina representanter" – ANTAGANDE: four each.
            seats=[
                {"party": "sks", "count": 4},
                {"party": "radet", "count": 4},
            ],
        ),
        # Operative level: the seed gives no named groups; representatives from the
        # agencies and the regions' national system agree how to structure the work.
        # ANTAGANDE: the groups below are plausible examples.
        forum(
            key="pks-op-kunskapsstod",
            name="Operativ samverkan om nationella kunskapsstöd",
            short_name="Operativ grupp kunskapsstöd",
            tier="operative",
            kind="working_group",
            escalates_to="pks-samordningsgrupp",
            appointed_by="pks-samordningsgrupp",
            purpose=(
                "Öka behovsanpassningen och genomslaget av de nationella kunskapsstöd som tas "
                "fram inom såväl regionernas nationella struktur för kunskapsstyrning som "
                "statliga myndigheter."
            ),
            general_assignments=[
                "gemensamt fånga, identifiera och prioritera behov av nationella kunskapsstöd.",
                "öka behovsanpassningen av nationella kunskapsstöd.",
                "öka genomslaget av de nationella kunskapsstöd som tas fram inom såväl regionernas nationella struktur för kunskapsstyrning som statliga myndigheter.",
            ],
            decision_rule="consensus",
            reports_to="pks-samordningsgrupp",
            seats=[
                {"party": "sks", "count": 3},
                {"organisation": "socialstyrelsen", "count": 1},
                {"organisation": "sbu", "count": 1},
                {"organisation": "tlv", "count": 1},
                {"organisation": "lakemedelsverket", "count": 1},
            ],
            operative_temporary=True,
        ),
        forum(
            key="pks-op-uppfoljning",
            name="Operativ samverkan om uppföljning och analys",
            short_name="Operativ grupp uppföljning",
            tier="operative",
            kind="working_group",
            escalates_to="pks-samordningsgrupp",
            appointed_by="pks-samordningsgrupp",
            purpose="Gemensamt stödja en ändamålsenlig uppföljning av hälso- och sjukvården.",
            general_assignments=[
                "gemensamt stödja en ändamålsenlig uppföljning av hälso- och sjukvården.",
                "löpande utbyta information om pågående relevanta arbeten och kommande produkter.",
            ],
            decision_rule="consensus",
            reports_to="pks-samordningsgrupp",
            seats=[
                {"party": "sks", "count": 3},
                {"organisation": "socialstyrelsen", "count": 1},
                {"organisation": "ehalsomyndigheten", "count": 1},
                {"organisation": "folkhalsomyndigheten", "count": 1},
            ],
            operative_temporary=True,
        ),
        # From seed 004 and item 6 of seed 003 ("effektivisera formerna för involvering
        # av patient- och professionsföreträdare"). ANTAGANDE: a standing dialogue forum
        # in the partnership's operative level.
        forum(
            key="pks-patientdialog",
            name="Dialog med patient- och brukarorganisationer",
            short_name="Patient- och brukardialog",
            tier="operative",
            kind="network",
            escalates_to="pks-samordningsgrupp",
            appointed_by="pks-samordningsgrupp",
            purpose=(
                "Ge myndigheternas tjänstemän och intresseorganisationernas representanter ett "
                "helhetsperspektiv av varandras arbete och ta fram nya sätt att jobba "
                "tillsammans. Man pratar gärna om patienterna och brukarna, och gör saker åt "
                "dem – men inte med dem."
            ),
            general_assignments=[  # item 6 of seed 003 + seed 004 (utbildningsdagar)
                "säkerställa att kunskapen används på bästa sätt genom att gemensamt effektivisera formerna för involvering av patient- och professionsföreträdare.",
                "genomföra gemensamma utbildningsdagar som ökar förståelse och kunskap, och som öppnar för bättre dialog",
            ],
            decision_rule="consensus",
            reports_to="pks-samordningsgrupp",
            seats=[
                {"organisation": "sbu", "count": 1},
                {"organisation": "socialstyrelsen", "count": 1},
                {"organisation": "mfd", "count": 1},
                {"organisation": "ivo", "count": 1},
                {"organisation": "forte", "count": 1},
                {"organisation": "neuroforbundet", "count": 1},
                {"organisation": "sallsynta-diagnoser", "count": 1},
                {"organisation": "pro", "count": 1},
                {"organisation": "nsph", "count": 1},
            ],
        ),
    ],
}

MEETING_PLACES = ["Sveriges Kommuner och Regioner, Stockholm", "Socialstyrelsen, Stockholm"]

# Plausible, fictional demo cases (ärenden).
CASES = [
    {
        "title": "Prioriterade utvecklingsområden för partnerskapet",
        "description": "Årligt beslut om vilka övergripande utvecklingsområden som särskilt ska prioriteras.",
    },
    {
        "title": "Rollfördelning mellan myndigheter och nationella programområden",
        "description": "Förslag till lösning på oklarheter i roll- och arbetsfördelningen vid framtagande av kunskapsstöd.",
    },
    {
        "title": "Inriktningsdokument för samverkan med nationell samverkansgrupp läkemedel",
        "description": "Hur berörda myndigheter och samverkansgruppen ska samarbeta; beslutas av den taktiska samordningsgruppen.",
    },
    {
        "title": "Gemensam behovsinventering av nationella kunskapsstöd",
        "description": "Att gemensamt fånga, identifiera och prioritera behov av nationella kunskapsstöd.",
    },
    {
        "title": "Samordnad uppföljning av nationella riktlinjer",
        "description": "Hur parterna gemensamt stödjer en ändamålsenlig uppföljning av hälso- och sjukvården.",
    },
    {
        "title": "Former för involvering av patient- och brukarorganisationer",
        "description": "Effektivisera formerna för involvering av patient- och professionsföreträdare.",
    },
    {
        "title": "Årlig sammanställning av insatser och resultat",
        "description": "Partnerskapets årliga sammanställning av insatser och resultat av samverkan.",
    },
    {
        "title": "Underlag till myndigheternas återrapportering till regeringen",
        "description": "Underlag om partnerskapet inför återrapportering enligt förordningen om statlig styrning med kunskap.",
    },
    {
        "title": "Kontaktvägar mellan myndigheterna och programområdena",
        "description": "Hur varje myndighet samordnar sina kontakter med programområdena för att värna deras uppdrag och tid.",
    },
    {
        "title": "Ansvarsfördelning för kunskapsstöd inom socialtjänst och närliggande vård",
        "description": "Hur en helhet i den gemensamma kunskapsstyrningen ska nås även för socialtjänst och närliggande hälso- och sjukvård.",
    },
    {
        "title": "Utvärdering av styr- och ledningsdokumentet",
        "description": "Löpande uppföljning och utvärdering av formerna för styrning och ledning inom partnerskapet.",
    },
    {
        "title": "Gemensam utbildningsdag för myndigheter och intresseorganisationer",
        "description": "Planering av en utbildningsdag som ökar förståelsen mellan myndigheter och patient- och brukarorganisationer.",
    },
]
