"""Demo data: four real Swedish collaboration structures (samverkansstrukturer).

Plain Python data only. Sources are the seed documents in /work/shared/seeds/:
  000 E-hälsomyndighetens struktur för samverkan
  001 Uppdragsbeskrivning för regional samverkansgrupp läkemedel i Sydöstra sjukvårdsregionen
  002 Politisk samarbetsorganisation, Västra Götaland (SRO / politisk beredningsgrupp MTP)
  003 Partnerskapet för stöd till kunskapsstyrning – styr- och ledningsdokument
  004 Rådet för styrning med kunskap – samverkan med intresseorganisationer

Texts are taken from the seeds. Anything that is not in a seed is marked with a
comment containing "ANTAGANDE" (assumption). No real persons appear in this file.
"""

STRUCTURES = [
    # ------------------------------------------------------------------
    # 000 – E-hälsomyndighetens samverkansstruktur
    # ------------------------------------------------------------------
    {
        "key": "ehm",
        "name": "E-hälsomyndighetens samverkansstruktur",
        "description": (
            "I linje med E-hälsomyndighetens policy och riktlinje för intressentmedverkan ska "
            "arbetet präglas av nära samverkan och hög inkludering med berörda intressenter. "
            "Samverkansstrukturen utgör en viktig grund för att stödja arbetet och säkerställa att "
            "frågor tas på rätt nivå samt tydliggöra eskaleringsvägar. Samverkansstrukturen ger "
            "även förutsättningar för att justera grupper och forum vid behov."
        ),
        "parties": [],
        "organisations": [
            {
                "key": "ehalsomyndigheten",
                "name": "E-hälsomyndigheten",
                "short_name": "EHM",
                "kind": "agency",
                "parties": [],
            },
            {
                "key": "skr",
                "name": "Sveriges Kommuner och Regioner",
                "short_name": "SKR",
                "kind": "association",
                "parties": [],
            },
            {
                "key": "inera",
                "name": "Inera",
                "short_name": "Inera",
                "kind": "company",
                "parties": [],
            },
            {
                "key": "lakemedelsverket",
                "name": "Läkemedelsverket",
                "short_name": "Läkemedelsverket",
                "kind": "agency",
                "parties": [],
            },
            {
                "key": "apoteksforeningen",
                "name": "Sveriges Apoteksförening",
                "short_name": "Apoteksföreningen",
                "kind": "association",
                "parties": [],
            },
            {
                "key": "socialstyrelsen",
                "name": "Socialstyrelsen",
                "short_name": "Socialstyrelsen",
                "kind": "agency",
                "parties": [],
            },
            # The seed says only "regioner" / "apoteksaktörer" / "kundgrupper" / "övrig vård"
            # without naming them. ANTAGANDE: modelled as collective organisations.
            {
                "key": "ehm-regioner",
                "name": "Regionerna",
                "short_name": "Regionerna",
                "kind": "region",
                "parties": [],
            },
            {
                "key": "ehm-apoteksaktorer",
                "name": "Apoteksaktörer",
                "short_name": "Apoteksaktörer",
                "kind": "other",
                "parties": [],
            },
            {
                "key": "ehm-kundgrupper",
                "name": "Kundgrupper",
                "short_name": "Kundgrupper",
                "kind": "other",
                "parties": [],
            },
            {
                "key": "ehm-ovrig-vard",
                "name": "Övrig vård",
                "short_name": "Övrig vård",
                "kind": "other",
                "parties": [],
            },
        ],
        # ANTAGANDE: E-hälsomyndigheten runs its own collaboration structure.
        "secretariat": ["ehalsomyndigheten"],
        "forums": [
            {
                "key": "ehm-strategic",
                "name": "Strategiska samverkansforumet",
                "short_name": "Strategiskt samverkansforum",
                "tier": "strategic",
                "kind": "coordination_group",
                "escalates_to": None,
                "appointed_by": None,
                "steers": [],
                "purpose": (
                    "Vi samverkar kring formella uppdrag och strategier som varje deltagande "
                    "organisation har samt diskuterar specifika frågeställningar av gemensamt "
                    "intresse och synkar våra insatser utifrån ett helhetsperspektiv."
                ),
                # The seed has no bullet list; items below are lifted from its running text.
                "general_assignments": [
                    "samverka kring formella uppdrag och strategier som varje deltagande organisation har",
                    "diskutera specifika frågeställningar av gemensamt intresse",
                    "synka insatserna utifrån ett helhetsperspektiv",
                    "säkerställa att frågor tas på rätt nivå samt tydliggöra eskaleringsvägar",
                    "utse representanter till operativ samverkan",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE: seed says nothing
                "minutes_approval": "chair",  # ANTAGANDE: seed says nothing
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "",
                "is_public": True,
                # One seat per named organisation; ANTAGANDE: two seats for the regions.
                "seats": [
                    {"organisation": "ehalsomyndigheten", "count": 1},
                    {"organisation": "skr", "count": 1},
                    {"organisation": "inera", "count": 1},
                    {"organisation": "lakemedelsverket", "count": 1},
                    {"organisation": "apoteksforeningen", "count": 1},
                    {"organisation": "socialstyrelsen", "count": 1},
                    {"organisation": "ehm-regioner", "count": 2},
                ],
                "operative_temporary": False,
            },
            # Tactical level: the seed names the kinds (aktörsråd, referensgrupper,
            # kunddialoger) but not the individual groups.
            # ANTAGANDE: the three names below are plausible, not taken from the seed.
            {
                "key": "ehm-aktorsrad",
                "name": "Aktörsråd för Nationella läkemedelslistan",
                "short_name": "Aktörsråd NLL",
                "tier": "tactical",
                "kind": "actors_council",
                "escalates_to": "ehm-strategic",
                "appointed_by": "ehm-strategic",  # ANTAGANDE
                "steers": [],
                "purpose": (
                    "Vi samverkar i syfte att skapa rätt förutsättningar hos respektive aktör för "
                    "att uppnå uppsatta mål och strategier."
                ),
                "general_assignments": [  # lifted from the seed's running text
                    "skapa rätt förutsättningar hos respektive aktör för att uppnå uppsatta mål och strategier",
                    "utse representanter till operativ samverkan",
                    "eskalera frågor till strategisk nivå",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Strategiska samverkansforumet",
                "is_public": True,
                "seats": [  # ANTAGANDE: seat counts
                    {"organisation": "ehalsomyndigheten", "count": 2},
                    {"organisation": "apoteksforeningen", "count": 1},
                    {"organisation": "skr", "count": 1},
                    {"organisation": "ehm-regioner", "count": 2},
                    {"organisation": "ehm-apoteksaktorer", "count": 2},
                ],
                "operative_temporary": False,
            },
            {
                "key": "ehm-referensgrupp",
                "name": "Referensgrupp för e-recept och förskrivning",
                "short_name": "Referensgrupp e-recept",
                "tier": "tactical",
                "kind": "reference_group",
                "escalates_to": "ehm-strategic",
                "appointed_by": "ehm-strategic",  # ANTAGANDE
                "steers": [],
                "purpose": (
                    "Vi samverkar i syfte att skapa rätt förutsättningar hos respektive aktör för "
                    "att uppnå uppsatta mål och strategier."
                ),
                "general_assignments": [  # lifted from the seed's running text
                    "skapa rätt förutsättningar hos respektive aktör för att uppnå uppsatta mål och strategier",
                    "utse representanter till operativ samverkan",
                    "eskalera frågor till strategisk nivå",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Strategiska samverkansforumet",
                "is_public": True,
                "seats": [  # ANTAGANDE: seat counts
                    {"organisation": "ehalsomyndigheten", "count": 2},
                    {"organisation": "skr", "count": 1},
                    {"organisation": "ehm-regioner", "count": 3},
                    {"organisation": "ehm-ovrig-vard", "count": 1},
                    {"organisation": "apoteksforeningen", "count": 1},
                ],
                "operative_temporary": False,
            },
            {
                "key": "ehm-kunddialog",
                "name": "Kunddialog apotek",
                "short_name": "Kunddialog apotek",
                "tier": "tactical",
                "kind": "customer_dialogue",
                "escalates_to": "ehm-strategic",
                "appointed_by": "ehm-strategic",  # ANTAGANDE
                "steers": [],
                "purpose": (
                    "Vi samverkar i syfte att skapa rätt förutsättningar hos respektive aktör för "
                    "att uppnå uppsatta mål och strategier."
                ),
                "general_assignments": [  # lifted from the seed's running text
                    "skapa rätt förutsättningar hos respektive aktör för att uppnå uppsatta mål och strategier",
                    "utse representanter till operativ samverkan",
                    "eskalera frågor till strategisk nivå",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Strategiska samverkansforumet",
                "is_public": True,
                "seats": [  # ANTAGANDE: seat counts
                    {"organisation": "ehalsomyndigheten", "count": 2},
                    {"organisation": "ehm-apoteksaktorer", "count": 3},
                    {"organisation": "apoteksforeningen", "count": 1},
                    {"organisation": "ehm-kundgrupper", "count": 2},
                ],
                "operative_temporary": False,
            },
            # Operative level: "sätts upp efter behov", representatives appointed via the
            # strategic and tactical forums. ANTAGANDE: the two groups below are plausible.
            {
                "key": "ehm-op-verksamhet",
                "name": "Operativ arbetsgrupp för verksamhetsfrågor om Nationella läkemedelslistan",
                "short_name": "Operativ grupp verksamhet NLL",
                "tier": "operative",
                "kind": "working_group",
                "escalates_to": "ehm-aktorsrad",
                "appointed_by": "ehm-aktorsrad",
                "steers": [],
                "purpose": (
                    "Samverkan på operativ nivå fokuserar på detaljerade frågeställningar, "
                    "exempelvis verksamhets- och teknikfrågor."
                ),
                "general_assignments": [  # lifted from the seed's running text
                    "hantera detaljerade frågeställningar, exempelvis verksamhets- och teknikfrågor",
                    "bidra med särskild specialistkunskap för olika sakområden och funktioner",
                    "eskalera frågor till relevant forum på taktisk nivå",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Aktörsråd för Nationella läkemedelslistan",
                "is_public": True,
                "seats": [  # ANTAGANDE
                    {"organisation": "ehalsomyndigheten", "count": 2},
                    {"organisation": "ehm-apoteksaktorer", "count": 2},
                    {"organisation": "ehm-regioner", "count": 2},
                ],
                "operative_temporary": True,
            },
            {
                "key": "ehm-op-teknik",
                "name": "Operativ arbetsgrupp för teknikfrågor om e-recept",
                "short_name": "Operativ grupp teknik e-recept",
                "tier": "operative",
                "kind": "working_group",
                "escalates_to": "ehm-referensgrupp",
                "appointed_by": "ehm-referensgrupp",
                "steers": [],
                "purpose": (
                    "Samverkan på operativ nivå fokuserar på detaljerade frågeställningar, "
                    "exempelvis verksamhets- och teknikfrågor."
                ),
                "general_assignments": [  # lifted from the seed's running text
                    "hantera detaljerade frågeställningar, exempelvis verksamhets- och teknikfrågor",
                    "bidra med särskild specialistkunskap för olika sakområden och funktioner",
                    "eskalera frågor till relevant forum på taktisk nivå",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Referensgrupp för e-recept och förskrivning",
                "is_public": True,
                "seats": [  # ANTAGANDE
                    {"organisation": "ehalsomyndigheten", "count": 2},
                    {"organisation": "inera", "count": 1},
                    {"organisation": "ehm-regioner", "count": 2},
                    {"organisation": "ehm-apoteksaktorer", "count": 1},
                ],
                "operative_temporary": True,
            },
        ],
    },
    # ------------------------------------------------------------------
    # 001 – Sydöstra sjukvårdsregionen, Regional samverkansgrupp läkemedel
    # ------------------------------------------------------------------
    {
        "key": "sos",
        "name": "Sydöstra sjukvårdsregionen – regional samverkan läkemedel",
        "description": (
            "Region Jönköpings län, Region Kalmar län och Region Östergötland bildar tillsammans "
            "Sydöstra sjukvårdsregionen. Sjukvårdsregionen organiserar regionala samverkansgrupper "
            "som till stor del motsvarar de nationella samverkansgrupper som Sveriges regioner "
            "beslutat samverka i för en mer kunskapsbaserad, jämlik och resurseffektiv vård."
        ),
        "parties": [],
        "organisations": [
            {
                "key": "region-jonkoping",
                "name": "Region Jönköpings län",
                "short_name": "RJL",
                "kind": "region",
                "parties": [],
            },
            {
                "key": "region-kalmar",
                "name": "Region Kalmar län",
                "short_name": "Region Kalmar",
                "kind": "region",
                "parties": [],
            },
            {
                "key": "region-ostergotland",
                "name": "Region Östergötland",
                "short_name": "Region Östergötland",
                "kind": "region",
                "parties": [],
            },
            # "Regionsjukvårdsledningens stab stöder samverkansgrupperna i praktiska frågor."
            {
                "key": "sos-rsl-stab",
                "name": "Regionsjukvårdsledningens stab",
                "short_name": "RSL stab",
                "kind": "other",
                "parties": [],
            },
        ],
        "secretariat": ["sos-rsl-stab"],
        "forums": [
            # ANTAGANDE: Regionsjukvårdsledningen modelled as the strategic forum (the seed
            # says the groups work on its assignment); charter texts are assumptions.
            {
                "key": "sos-rsl",
                "name": "Regionsjukvårdsledningen",
                "short_name": "RSL",
                "tier": "strategic",
                "kind": "steering_group",
                "escalates_to": None,
                "appointed_by": None,
                "steers": [],
                "purpose": (
                    "Leda samverkan om vård i Sydöstra sjukvårdsregionen utifrån regionernas "
                    "samverkansavtal och Samverkansnämndens årliga överenskommelse om samverkan och "
                    "vård i sjukvårdsregionen."
                ),
                "general_assignments": [  # ANTAGANDE
                    "ge uppdrag till sjukvårdsregionens samverkansgrupper",
                    "ta emot samverkansgruppernas årliga handlingsplan och årsrapport",
                    "bereda frågor till Samverkansnämnden",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Samverkansnämnden",
                "is_public": True,
                "seats": [  # ANTAGANDE: two per region
                    {"organisation": "region-jonkoping", "count": 2},
                    {"organisation": "region-kalmar", "count": 2},
                    {"organisation": "region-ostergotland", "count": 2},
                ],
                "operative_temporary": False,
            },
            {
                "key": "sos-lakemedel",
                "name": "Regional samverkansgrupp läkemedel",
                "short_name": "RSG läkemedel",
                "tier": "tactical",
                "kind": "coordination_group",
                "escalates_to": "sos-rsl",
                "appointed_by": "sos-rsl",
                # "Regional samverkansgrupp läkemedel är styrgrupp för sjukvårdsregionens
                # läkemedelsupphandlingsgrupp."
                "steers": ["sos-upphandling"],
                "purpose": (
                    "Kunskapsbaserad, jämlik och resurseffektiv vård. Samverkan ska bidra till att "
                    "bästa möjliga kunskap används i varje möte mellan patient och vårdpersonal."
                ),
                "general_assignments": [
                    "stödja nationella programområden som sjukvårdsregionen har nationellt värdskap för",
                    "stödja regionala programområden",
                    "vara kontaktväg för regionernas lokala resurser",
                    "vara plattform för erfarenhetsutbyte och lärande",
                    "nominera och stödja representanter i nationella arbetsgrupper",
                    "samverka med andra sjukvårdsregionala samverkansgrupper och strukturer",
                    "vara referensgrupp och remissinstans i nationella och sjukvårdsregionala frågor",
                    "vid behov bistå Regionsjukvårdsledningen och Samverkansnämnden i arbetsgrupper för särskilda uppdrag",
                ],
                "specific_assignments": [
                    "främja att läkemedelsfrågor hanteras lika i sjukvårdsregionen",
                    "samordna införande av läkemedel som inte samordnas nationellt",
                    "gemensamt besluta i frågor kopplade till statliga myndigheter",
                    "ha gemensamma kontakter med läkemedelsindustrin",
                    "utveckla arbetet med gemensamma utbildningsinsatser",
                    "samverka kring frågor om patientsäkerhet relaterat till läkemedel",
                ],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE ("gemensamt besluta")
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": 24,  # "Uppdraget som ordförande roterar i tvåårsperioder."
                "rotation_among": "organisations",
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Regionsjukvårdsledningen",
                "is_public": True,
                "seats": [  # ANTAGANDE: two representatives per region
                    {"organisation": "region-jonkoping", "count": 2},
                    {"organisation": "region-kalmar", "count": 2},
                    {"organisation": "region-ostergotland", "count": 2},
                ],
                "operative_temporary": False,
            },
            # The procurement group is named in the seed; its charter texts are ANTAGANDE.
            {
                "key": "sos-upphandling",
                "name": "Sjukvårdsregionens läkemedelsupphandlingsgrupp",
                "short_name": "Läkemedelsupphandlingsgruppen",
                "tier": "operative",
                "kind": "procurement_group",
                "escalates_to": "sos-lakemedel",
                "appointed_by": "sos-lakemedel",  # ANTAGANDE
                "steers": [],
                "purpose": (  # ANTAGANDE
                    "Samordna sjukvårdsregionens gemensamma upphandlingar av läkemedel med "
                    "Regional samverkansgrupp läkemedel som styrgrupp."
                ),
                "general_assignments": [  # ANTAGANDE
                    "planera och genomföra gemensamma läkemedelsupphandlingar för sjukvårdsregionen",
                    "följa upp ingångna läkemedelsavtal",
                    "rapportera till och eskalera frågor till Regional samverkansgrupp läkemedel",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Regional samverkansgrupp läkemedel",
                "is_public": True,
                "seats": [  # ANTAGANDE
                    {"organisation": "region-jonkoping", "count": 1},
                    {"organisation": "region-kalmar", "count": 1},
                    {"organisation": "region-ostergotland", "count": 1},
                ],
                "operative_temporary": False,
            },
            # "Vid behov organiseras arbetsgrupper för särskilda uppdrag eller delar av
            # uppdraget." ANTAGANDE: one such temporary working group.
            {
                "key": "sos-ag-utbildning",
                "name": "Arbetsgrupp gemensamma utbildningsinsatser läkemedel",
                "short_name": "Arbetsgrupp utbildning",
                "tier": "operative",
                "kind": "working_group",
                "escalates_to": "sos-lakemedel",
                "appointed_by": "sos-lakemedel",
                "steers": [],
                "purpose": "Utveckla arbetet med gemensamma utbildningsinsatser.",
                "general_assignments": [
                    "utveckla arbetet med gemensamma utbildningsinsatser",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Regional samverkansgrupp läkemedel",
                "is_public": True,
                "seats": [
                    {"organisation": "region-jonkoping", "count": 1},
                    {"organisation": "region-kalmar", "count": 1},
                    {"organisation": "region-ostergotland", "count": 1},
                ],
                "operative_temporary": True,
            },
        ],
    },
    # ------------------------------------------------------------------
    # 002 – Västra Götaland: SRO and the political preparatory group for MTP
    # ------------------------------------------------------------------
    {
        "key": "vg",
        "name": "Samverkan om medicintekniska produkter i Västra Götaland",
        "description": (
            "Det övergripande politiska ansvaret åvilar Samrådsorganet SRO, som leder och utvecklar "
            "samverkan inom bland annat området läkemedelsnära produkter i Västra Götaland, på "
            "uppdrag av Västra Götalandsregionen och Västra Götalands kommuner. För samråd och "
            "samverkan om försörjningen av medicintekniska produkter finns en politisk "
            "beredningsgrupp."
        ),
        "parties": [
            {"key": "vg-kommunerna", "name": "Kommunerna i Västra Götaland"},
            {"key": "vg-vgr", "name": "Västra Götalandsregionen"},
        ],
        "organisations": [
            {
                "key": "vgr",
                "name": "Västra Götalandsregionen",
                "short_name": "VGR",
                "kind": "region",
                "parties": ["vg-vgr"],
            },
            # The seed says "de fyra kommunalförbunden"; names are the common real names.
            {
                "key": "fyrbodal",
                "name": "Fyrbodals kommunalförbund",
                "short_name": "Fyrbodal",
                "kind": "municipal_association",
                "parties": ["vg-kommunerna"],
            },
            {
                "key": "skaraborg",
                "name": "Skaraborgs kommunalförbund",
                "short_name": "Skaraborg",
                "kind": "municipal_association",
                "parties": ["vg-kommunerna"],
            },
            {
                "key": "sjuharad",
                "name": "Boråsregionen Sjuhärads kommunalförbund",
                "short_name": "Sjuhärad",
                "kind": "municipal_association",
                "parties": ["vg-kommunerna"],
            },
            {
                "key": "goteborgsregionen",
                "name": "Göteborgsregionen",
                "short_name": "GR",
                "kind": "municipal_association",
                "parties": ["vg-kommunerna"],
            },
            {
                "key": "goteborgs-stad",
                "name": "Göteborgs Stad",
                "short_name": "Göteborgs Stad",
                "kind": "municipality",
                "parties": ["vg-kommunerna"],
            },
            {
                "key": "vastkom",
                "name": "VästKom",
                "short_name": "VästKom",
                "kind": "municipal_association",
                "parties": ["vg-kommunerna"],
            },
            # "Ett administrativt stöd i form av sekreterare utses från samarbetsorganisationen."
            {
                "key": "vg-samarbetsorganisationen",
                "name": "Samarbetsorganisationen",
                "short_name": "Samarbetsorganisationen",
                "kind": "other",
                "parties": [],
            },
        ],
        "secretariat": ["vg-samarbetsorganisationen"],
        "forums": [
            {
                "key": "vg-sro",
                "name": "Det politiska samrådsorganet mellan VästKom och Västra Götalandsregionen",
                "short_name": "SRO",
                "tier": "strategic",
                "kind": "political_body",
                "escalates_to": None,
                "appointed_by": None,
                "steers": [],
                "purpose": (
                    "SRO är ett organ för övergripande politisk samverkan för gemensamma "
                    "välfärdsfrågor varav läkemedelsnära produkter är ett område."
                ),
                # Lifted from the seed's running text (no bullets for SRO).
                "general_assignments": [
                    "leda och utveckla samverkan inom bland annat området läkemedelsnära produkter i Västra Götaland",
                    "fastställa uppdragshandling till den politiska beredningsgruppen",
                    "årligen följa beredningsgruppens arbete genom rapport från beredningsgruppen",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair_and_other_party_member",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Västra Götalandsregionen och Västra Götalands kommuner",
                "is_public": True,
                # "ordförande från de fyra kommunalförbunden"; VGR: "ordförande och vice
                # ordförande i regionstyrelsen samt Hälso- och sjukvårdsstyrelsen" (= 4).
                "seats": [
                    {"organisation": "fyrbodal", "count": 1},
                    {"organisation": "skaraborg", "count": 1},
                    {"organisation": "sjuharad", "count": 1},
                    {"organisation": "goteborgsregionen", "count": 1},
                    {"organisation": "vgr", "count": 4},
                ],
                "operative_temporary": False,
            },
            {
                "key": "vg-beredningsgrupp",
                "name": "Politisk beredningsgrupp för medicintekniska produkter",
                "short_name": "Politisk beredningsgrupp",
                "tier": "tactical",
                "kind": "preparatory_group",
                "escalates_to": "vg-sro",
                "appointed_by": "vg-sro",  # "SRO fastställer uppdragshandling ..."
                "steers": [],
                "purpose": (
                    "För samråd och samverkan om försörjningen av medicintekniska produkter finns en "
                    "politisk beredningsgrupp. Beredningsgruppen, som utgör ett avtalsbundet samråd, "
                    "arbetar på uppdrag av Västra Götalandsregionen och de 49 kommunerna och "
                    "rapporterar till det politiska samrådsorganet, SRO."
                ),
                "general_assignments": [
                    "Främja samverkan mellan VGR och länets kommuner inom det medicintekniska området",
                    "Bevaka strategiska samverkansfrågor för gemensamma IT-system",
                    "Ta ställning till principiella ekonomifrågor",
                    "Ge rekommendationer till utökade samarbetsformer mellan VGR och länets kommuner inom det medicintekniska området samt säkerställa att samarbetet följs upp",
                    "Ge rekommendation om principiella förändringar gällande regelverk för förskrivning avseende MTP",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": 4,
                "decision_rule": "consensus",
                "minutes_approval": "chair_and_other_party_member",
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": "vg-kommunerna",
                "vice_chair_other_party": True,
                "chair_party_differs_from": None,
                "reports_to": "Det politiska samrådsorganet (SRO)",
                "is_public": True,
                # VGR's five: two from hälso- och sjukvårdsstyrelsen, one from ägarutskottet,
                # one from hälso- och sjukvårdsnämnderna, one from servicenämnden.
                "seats": [
                    {"organisation": "vgr", "count": 5},
                    {"organisation": "fyrbodal", "count": 1},
                    {"organisation": "skaraborg", "count": 1},
                    {"organisation": "sjuharad", "count": 1},
                    {"organisation": "goteborgsregionen", "count": 1},
                    {"organisation": "goteborgs-stad", "count": 1},
                ],
                "operative_temporary": False,
            },
            # The seed mentions "ledningsrådet" whose chair and vice chair prepare the
            # cases. ANTAGANDE: modelled as the operative (official-level) forum; its
            # charter and seats are assumptions.
            {
                "key": "vg-ledningsradet",
                "name": "Ledningsrådet för medicintekniska produkter",
                "short_name": "Ledningsrådet",
                "tier": "operative",
                "kind": "council",
                "escalates_to": "vg-beredningsgrupp",
                "appointed_by": None,
                "steers": [],
                "purpose": (  # ANTAGANDE
                    "Bereda ärenden till den politiska beredningsgruppens sammanträden och leda "
                    "samverkan om medicintekniska produkter på tjänstepersonsnivå."
                ),
                "general_assignments": [  # ANTAGANDE
                    "bereda ärenden till beredningsgruppens sammanträden",
                    "följa upp samarbetet mellan VGR och länets kommuner inom det medicintekniska området",
                    "eskalera principiella frågor till den politiska beredningsgruppen",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",  # ANTAGANDE
                "minutes_approval": "chair_and_other_party_member",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Politisk beredningsgrupp för medicintekniska produkter",
                "is_public": True,
                "seats": [  # ANTAGANDE
                    {"organisation": "vgr", "count": 3},
                    {"organisation": "fyrbodal", "count": 1},
                    {"organisation": "skaraborg", "count": 1},
                    {"organisation": "sjuharad", "count": 1},
                    {"organisation": "goteborgsregionen", "count": 1},
                    {"organisation": "goteborgs-stad", "count": 1},
                ],
                "operative_temporary": False,
            },
            # ANTAGANDE: a temporary working group on prescribing rules for MTP.
            {
                "key": "vg-ag-forskrivning",
                "name": "Arbetsgrupp regelverk för förskrivning av MTP",
                "short_name": "Arbetsgrupp förskrivning MTP",
                "tier": "operative",
                "kind": "working_group",
                "escalates_to": "vg-beredningsgrupp",
                "appointed_by": "vg-beredningsgrupp",
                "steers": [],
                "purpose": (
                    "Ta fram underlag inför rekommendation om principiella förändringar gällande "
                    "regelverk för förskrivning avseende MTP."
                ),
                "general_assignments": [  # ANTAGANDE: derived from the group's last bullet
                    "ta fram underlag om principiella förändringar gällande regelverk för förskrivning avseende MTP",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",
                "minutes_approval": "chair",
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Politisk beredningsgrupp för medicintekniska produkter",
                "is_public": True,
                "seats": [
                    {"organisation": "vgr", "count": 2},
                    {"party": "vg-kommunerna", "count": 2},
                ],
                "operative_temporary": True,
            },
        ],
    },
    # ------------------------------------------------------------------
    # 003 (+004) – Partnerskapet för stöd till kunskapsstyrning
    # ------------------------------------------------------------------
    {
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
        "parties": [
            {"key": "sks", "name": "Styrgruppen för kunskapsstyrning i samverkan (SKS)"},
            {"key": "radet", "name": "Rådet för statlig styrning med kunskap (Rådet)"},
        ],
        "organisations": [
            # SKS: one representative per sjukvårdsregion plus one from SKR (seed: "SKL").
            {
                "key": "sjvreg-norra",
                "name": "Norra sjukvårdsregionen",
                "short_name": "Norra",
                "kind": "region",
                "parties": ["sks"],
            },
            {
                "key": "sjvreg-mellansverige",
                "name": "Sjukvårdsregion Mellansverige",
                "short_name": "Mellansverige",
                "kind": "region",
                "parties": ["sks"],
            },
            {
                "key": "sjvreg-stockholm-gotland",
                "name": "Sjukvårdsregion Stockholm-Gotland",
                "short_name": "Stockholm-Gotland",
                "kind": "region",
                "parties": ["sks"],
            },
            {
                "key": "sjvreg-sydostra",
                "name": "Sydöstra sjukvårdsregionen",
                "short_name": "Sydöstra",
                "kind": "region",
                "parties": ["sks"],
            },
            {
                "key": "sjvreg-sodra",
                "name": "Södra sjukvårdsregionen",
                "short_name": "Södra",
                "kind": "region",
                "parties": ["sks"],
            },
            {
                "key": "sjvreg-vastra",
                "name": "Västra sjukvårdsregionen",
                "short_name": "Västra",
                "kind": "region",
                "parties": ["sks"],
            },
            {
                "key": "skr",
                "name": "Sveriges Kommuner och Regioner",
                "short_name": "SKR",
                "kind": "association",
                "parties": ["sks"],
            },
            # Rådet per seed 003.
            {
                "key": "socialstyrelsen",
                "name": "Socialstyrelsen",
                "short_name": "Socialstyrelsen",
                "kind": "agency",
                "parties": ["radet"],
            },
            {
                "key": "tlv",
                "name": "Tandvårds- och läkemedelsförmånsverket",
                "short_name": "TLV",
                "kind": "agency",
                "parties": ["radet"],
            },
            {
                "key": "sbu",
                "name": "Statens beredning för medicinsk och social utvärdering",
                "short_name": "SBU",
                "kind": "agency",
                "parties": ["radet"],
            },
            {
                "key": "lakemedelsverket",
                "name": "Läkemedelsverket",
                "short_name": "Läkemedelsverket",
                "kind": "agency",
                "parties": ["radet"],
            },
            {
                "key": "folkhalsomyndigheten",
                "name": "Folkhälsomyndigheten",
                "short_name": "Folkhälsomyndigheten",
                "kind": "agency",
                "parties": ["radet"],
            },
            {
                "key": "ehalsomyndigheten",
                "name": "E-hälsomyndigheten",
                "short_name": "EHM",
                "kind": "agency",
                "parties": ["radet"],
            },
            # Seed 004: Rådet also includes these ("Vid behov kan fler myndigheter ingå").
            {
                "key": "forte",
                "name": "Forskningsrådet för hälsa, arbetsliv och välfärd",
                "short_name": "Forte",
                "kind": "agency",
                "parties": ["radet"],
            },
            {
                "key": "ivo",
                "name": "Inspektionen för vård och omsorg",
                "short_name": "IVO",
                "kind": "agency",
                "parties": ["radet"],
            },
            {
                "key": "mfd",
                "name": "Myndigheten för delaktighet",
                "short_name": "MFD",
                "kind": "agency",
                "parties": ["radet"],
            },
            # Seed 004: patient and user organisations (not parties of the partnership).
            {
                "key": "neuroforbundet",
                "name": "Neuroförbundet",
                "short_name": "Neuroförbundet",
                "kind": "patient_organisation",
                "parties": [],
            },
            {
                "key": "sallsynta-diagnoser",
                "name": "Riksförbundet Sällsynta diagnoser",
                "short_name": "Sällsynta diagnoser",
                "kind": "patient_organisation",
                "parties": [],
            },
            {
                "key": "pro",
                "name": "Pensionärernas riksorganisation",
                "short_name": "PRO",
                "kind": "patient_organisation",
                "parties": [],
            },
            {
                "key": "nsph",
                "name": "Nationell samverkan för psykisk hälsa",
                "short_name": "NSPH",
                "kind": "patient_organisation",
                "parties": [],
            },
        ],
        # "Stödfunktionen för landstingens och regionernas kunskapsstyrningsstruktur vid SKR
        # samt Socialstyrelsen svarar för ett kansli för partnerskapet."
        "secretariat": ["skr", "socialstyrelsen"],
        "forums": [
            {
                "key": "pks-styrgrupp",
                "name": "Strategisk styrgrupp för partnerskapet",
                "short_name": "Strategisk styrgrupp",
                "tier": "strategic",
                "kind": "steering_group",
                "escalates_to": None,
                "appointed_by": None,
                "steers": ["pks-samordningsgrupp"],
                "purpose": (
                    "Partnerskapet ska bidra till en gemensam nationell kunskapsstyrning. "
                    "Partnerskapet har som mål att bidra till en god hälsa i befolkningen genom en "
                    "god vård som ska vara kunskapsbaserad, säker, individanpassad, jämlik, "
                    "tillgänglig och effektiv."
                ),
                "general_assignments": [
                    "utse den taktiska samordningsgruppen samt säkerställa dess mandat.",
                    "årligen besluta om vilka övergripande utvecklingsområden som särskilt ska prioriteras inom partnerskapet",
                    "följa och utvärdera samarbetet inom partnerskapet.",
                    "vid behov vidareutveckla partnerskapets arbetsformer, styrning och ledning.",
                    "verka för att få till en helhet i den gemensamma kunskapsstyrningen där även socialtjänst och närliggande hälso- och sjukvård ingår.",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": 2,
                "decision_rule": "consensus",  # joint positions, binding no party
                "minutes_approval": "chair",  # ANTAGANDE: the kansli documents the meetings
                "rotation_months": 12,
                "rotation_among": "parties",
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "SKS och Rådet för statlig styrning med kunskap",
                "is_public": True,
                # SKS (six sjukvårdsregioner + SKR) and the director generals of six agencies.
                "seats": [
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
                "operative_temporary": False,
            },
            {
                "key": "pks-samordningsgrupp",
                "name": "Taktisk samordningsgrupp för partnerskapet",
                "short_name": "Taktisk samordningsgrupp",
                "tier": "tactical",
                "kind": "coordination_group",
                "escalates_to": "pks-styrgrupp",
                "appointed_by": "pks-styrgrupp",
                "steers": [],
                "purpose": (
                    "Samordningsgruppen träffas regelbundet för att löpande kunna lyfta och besluta "
                    "om aktuella frågor och behov utifrån de övergripande sakområden och processer "
                    "som partnerskapet ska samverka inom."
                ),
                "general_assignments": [
                    "identifiera olika målgruppers behov av stöd och underlag för ändamålsenlig och effektiv kunskapsstyrning",
                    "utifrån målgruppernas behov föreslå insatser, prioritera mellan dessa insatser samt samordna och föreslå vem som gör vad",
                    "stödja utvecklingen av uppföljningen av hälso- och sjukvården i syfte att skapa förutsättningar för ökat genomslag av de nationella kunskapsstöden och på så sätt lägga grund för ett systematiskt förbättringsarbete på alla nivåer",
                    "identifiera och ta fram lösningsförslag rörande eventuella oklarheter gällande roll-/arbetsfördelningen",
                    "ansvara för regelbunden uppföljning av samverkan inom partnerskapet",
                ],
                # Lifted from the seed's running text.
                "specific_assignments": [
                    "informera och återkoppla till styrgruppen samt uppmärksamma styrgruppen på potentiella oklarheter inom partnerskapet",
                    "besluta om inriktningen för samverkan med samverkansgrupperna inom regionernas nationella struktur för kunskapsstyrning (inriktningsdokument)",
                ],
                "min_meetings_per_year": None,  # "träffas regelbundet"
                "decision_rule": "consensus",
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": 12,
                "rotation_among": "parties",
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": "pks-styrgrupp",
                "reports_to": "Strategisk styrgrupp för partnerskapet",
                "is_public": True,
                # "Respektive part nominerar sina representanter" – ANTAGANDE: four each.
                "seats": [
                    {"party": "sks", "count": 4},
                    {"party": "radet", "count": 4},
                ],
                "operative_temporary": False,
            },
            # Operative level: the seed gives no named groups; representatives from the
            # agencies and the regions' national system agree how to structure the work.
            # ANTAGANDE: the groups below are plausible examples.
            {
                "key": "pks-op-kunskapsstod",
                "name": "Operativ samverkan om nationella kunskapsstöd",
                "short_name": "Operativ grupp kunskapsstöd",
                "tier": "operative",
                "kind": "working_group",
                "escalates_to": "pks-samordningsgrupp",
                "appointed_by": "pks-samordningsgrupp",
                "steers": [],
                "purpose": (
                    "Öka behovsanpassningen och genomslaget av de nationella kunskapsstöd som tas "
                    "fram inom såväl regionernas nationella struktur för kunskapsstyrning som "
                    "statliga myndigheter."
                ),
                "general_assignments": [
                    "gemensamt fånga, identifiera och prioritera behov av nationella kunskapsstöd.",
                    "öka behovsanpassningen av nationella kunskapsstöd.",
                    "öka genomslaget av de nationella kunskapsstöd som tas fram inom såväl regionernas nationella struktur för kunskapsstyrning som statliga myndigheter.",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Taktisk samordningsgrupp för partnerskapet",
                "is_public": True,
                "seats": [
                    {"party": "sks", "count": 3},
                    {"organisation": "socialstyrelsen", "count": 1},
                    {"organisation": "sbu", "count": 1},
                    {"organisation": "tlv", "count": 1},
                    {"organisation": "lakemedelsverket", "count": 1},
                ],
                "operative_temporary": True,
            },
            {
                "key": "pks-op-uppfoljning",
                "name": "Operativ samverkan om uppföljning och analys",
                "short_name": "Operativ grupp uppföljning",
                "tier": "operative",
                "kind": "working_group",
                "escalates_to": "pks-samordningsgrupp",
                "appointed_by": "pks-samordningsgrupp",
                "steers": [],
                "purpose": "Gemensamt stödja en ändamålsenlig uppföljning av hälso- och sjukvården.",
                "general_assignments": [
                    "gemensamt stödja en ändamålsenlig uppföljning av hälso- och sjukvården.",
                    "löpande utbyta information om pågående relevanta arbeten och kommande produkter.",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Taktisk samordningsgrupp för partnerskapet",
                "is_public": True,
                "seats": [
                    {"party": "sks", "count": 3},
                    {"organisation": "socialstyrelsen", "count": 1},
                    {"organisation": "ehalsomyndigheten", "count": 1},
                    {"organisation": "folkhalsomyndigheten", "count": 1},
                ],
                "operative_temporary": True,
            },
            # From seed 004 and item 6 of seed 003 ("effektivisera formerna för involvering
            # av patient- och professionsföreträdare"). ANTAGANDE: a standing dialogue forum
            # in the partnership's operative level.
            {
                "key": "pks-patientdialog",
                "name": "Dialog med patient- och brukarorganisationer",
                "short_name": "Patient- och brukardialog",
                "tier": "operative",
                "kind": "network",
                "escalates_to": "pks-samordningsgrupp",
                "appointed_by": "pks-samordningsgrupp",
                "steers": [],
                "purpose": (
                    "Ge myndigheternas tjänstemän och intresseorganisationernas representanter ett "
                    "helhetsperspektiv av varandras arbete och ta fram nya sätt att jobba "
                    "tillsammans. Man pratar gärna om patienterna och brukarna, och gör saker åt "
                    "dem – men inte med dem."
                ),
                "general_assignments": [  # item 6 of seed 003 + seed 004 (utbildningsdagar)
                    "säkerställa att kunskapen används på bästa sätt genom att gemensamt effektivisera formerna för involvering av patient- och professionsföreträdare.",
                    "genomföra gemensamma utbildningsdagar som ökar förståelse och kunskap, och som öppnar för bättre dialog",
                ],
                "specific_assignments": [],
                "min_meetings_per_year": None,
                "decision_rule": "consensus",
                "minutes_approval": "chair",  # ANTAGANDE
                "rotation_months": None,
                "rotation_among": None,
                "chair_party": None,
                "vice_chair_other_party": False,
                "chair_party_differs_from": None,
                "reports_to": "Taktisk samordningsgrupp för partnerskapet",
                "is_public": True,
                "seats": [
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
                "operative_temporary": False,
            },
        ],
    },
]


# Used to invent fictional people for the demo (never real persons).
PERSON_FIRST_NAMES = [
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Kristina",
    "Lena",
    "Emma",
    "Kerstin",
    "Malin",
    "Ingrid",
    "Johanna",
    "Linnea",
    "Elin",
    "Sofia",
    "Erik",
    "Lars",
    "Karl",
    "Anders",
    "Johan",
    "Per",
    "Mikael",
    "Nils",
    "Jan",
    "Olof",
    "Peter",
    "Fredrik",
    "Magnus",
    "Henrik",
    "Oskar",
    "Gustav",
    "Ahmed",
    "Ali",
    "Amira",
]

PERSON_LAST_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Olofsson",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
]


# Plausible, fictional demo cases (ärenden), twelve per structure.
CASE_TITLES = [
    # --- ehm ---
    {
        "structure": "ehm",
        "title": "Införande av Nationella läkemedelslistan i regionernas journalsystem",
        "description": "Samordnad tidplan och stöd till regionerna inför anslutning av journalsystemen till Nationella läkemedelslistan.",
    },
    {
        "structure": "ehm",
        "title": "Hantering av makulerade e-recept på apotek",
        "description": "Oklarheter i hur makuleringar av e-recept visas för apotekspersonal behöver klargöras gemensamt.",
    },
    {
        "structure": "ehm",
        "title": "Utfasning av äldre gränssnitt för e-recept",
        "description": "Förslag till tidplan och kommunikation när äldre tekniska gränssnitt för e-recept stängs.",
    },
    {
        "structure": "ehm",
        "title": "Apotekens tillgång till förskrivningsorsak",
        "description": "Behov av att apoteken kan se förskrivningsorsak för att ge bättre rådgivning till kunder.",
    },
    {
        "structure": "ehm",
        "title": "Samordnad information till förskrivare inför systemuppdatering",
        "description": "Gemensamt budskap och kanaler för att nå förskrivare i regioner och övrig vård.",
    },
    {
        "structure": "ehm",
        "title": "Rutiner vid driftstörningar i e-recepttjänsten",
        "description": "Hur apoteksaktörer och vården informeras vid planerade och oplanerade driftstörningar.",
    },
    {
        "structure": "ehm",
        "title": "Behörighetsstyrning för vårdens åtkomst till läkemedelslistan",
        "description": "Principer för vilka yrkesroller som ska ha åtkomst till uppgifter i Nationella läkemedelslistan.",
    },
    {
        "structure": "ehm",
        "title": "Stöd för dosdispenserade läkemedel",
        "description": "Hantering av dosdispenserade läkemedel i Nationella läkemedelslistan och dosapotekens flöden.",
    },
    {
        "structure": "ehm",
        "title": "Prioritering av utvecklingsönskemål från apoteksaktörer",
        "description": "Sammanställning och prioritering av inkomna önskemål om förändringar i e-hälsotjänsterna.",
    },
    {
        "structure": "ehm",
        "title": "Gemensam testmiljö för apoteksaktörer och systemleverantörer",
        "description": "Behov av en stabil testmiljö för att verifiera anslutningar innan driftsättning.",
    },
    {
        "structure": "ehm",
        "title": "Informationssäkerhet och loggning vid åtkomst till recept",
        "description": "Samsyn kring loggning och uppföljning av åtkomst till receptuppgifter.",
    },
    {
        "structure": "ehm",
        "title": "Representation i operativ arbetsgrupp för teknikfrågor",
        "description": "Val av representanter med rätt specialistkunskap till en ny operativ arbetsgrupp.",
    },
    # --- sos ---
    {
        "structure": "sos",
        "title": "Gemensam upphandling av biologiska läkemedel",
        "description": "Inriktning för sjukvårdsregionens kommande upphandling av biologiska läkemedel och biosimilarer.",
    },
    {
        "structure": "sos",
        "title": "Samordnat införande av läkemedel utanför nationellt ordnat införande",
        "description": "Gemensam bedömning och rekommendation för nya läkemedel som inte samordnas nationellt.",
    },
    {
        "structure": "sos",
        "title": "Gemensamt ställningstagande inför myndighetsbeslut om subvention",
        "description": "Sjukvårdsregionens gemensamma hållning i en fråga kopplad till statliga myndigheter.",
    },
    {
        "structure": "sos",
        "title": "Riktlinjer för kontakter med läkemedelsindustrin",
        "description": "Gemensamma principer för hur regionerna tar emot och hanterar kontakter med läkemedelsföretag.",
    },
    {
        "structure": "sos",
        "title": "Sjukvårdsregional utbildningsdag om rationell läkemedelsanvändning",
        "description": "Planering av gemensam utbildningsinsats för förskrivare i de tre regionerna.",
    },
    {
        "structure": "sos",
        "title": "Läkemedelsrelaterade avvikelser – gemensam analys",
        "description": "Erfarenhetsutbyte och gemensamma åtgärder kring patientsäkerhet relaterat till läkemedel.",
    },
    {
        "structure": "sos",
        "title": "Remissvar om nationell rekommendation för läkemedelsgenomgångar",
        "description": "Samverkansgruppen är remissinstans och ska lämna ett gemensamt svar.",
    },
    {
        "structure": "sos",
        "title": "Nominering av representant till nationell samverkansgrupp",
        "description": "Nominering av sjukvårdsregionens representant till nationell samverkansgrupp läkemedel och medicinsk teknik.",
    },
    {
        "structure": "sos",
        "title": "Handlingsplan för regional samverkansgrupp läkemedel",
        "description": "Förslag till årlig handlingsplan att publicera på sjukvårdsregionens webbplats.",
    },
    {
        "structure": "sos",
        "title": "Årsrapport till Regionsjukvårdsledningen",
        "description": "Sammanställning av gruppens arbete under året för rapportering till Regionsjukvårdsledningen.",
    },
    {
        "structure": "sos",
        "title": "Samordnad hantering av restnoterade läkemedel",
        "description": "Hur regionerna gemensamt hanterar bristsituationer och informerar vården.",
    },
    {
        "structure": "sos",
        "title": "Uppföljning av läkemedelsavtal",
        "description": "Läkemedelsupphandlingsgruppens rapport om följsamhet till ingångna avtal.",
    },
    # --- vg ---
    {
        "structure": "vg",
        "title": "Principiella förändringar i regelverket för förskrivning av MTP",
        "description": "Förslag till rekommendation om ändrade regler för förskrivning av medicintekniska produkter.",
    },
    {
        "structure": "vg",
        "title": "Kostnadsfördelning för inkontinenshjälpmedel",
        "description": "Principiell ekonomifråga om fördelning av kostnader mellan VGR och länets kommuner.",
    },
    {
        "structure": "vg",
        "title": "Gemensamt IT-stöd för beställning av medicintekniska produkter",
        "description": "Strategisk samverkansfråga om gemensamt IT-system för beställning och förskrivning.",
    },
    {
        "structure": "vg",
        "title": "Uppföljning av samarbetet om medicintekniska produkter",
        "description": "Hur samarbetet mellan VGR och kommunerna inom det medicintekniska området ska följas upp.",
    },
    {
        "structure": "vg",
        "title": "Utökad samverkan kring diabeteshjälpmedel",
        "description": "Rekommendation om utökade samarbetsformer mellan VGR och länets kommuner.",
    },
    {
        "structure": "vg",
        "title": "Årlig rapport till SRO",
        "description": "Beredningsgruppens årliga rapport till det politiska samrådsorganet.",
    },
    {
        "structure": "vg",
        "title": "Förskrivningsrätt för kommunal hälso- och sjukvårdspersonal",
        "description": "Vilka yrkesgrupper i kommunerna som ska kunna förskriva medicintekniska produkter.",
    },
    {
        "structure": "vg",
        "title": "Egenavgifter för medicintekniska produkter",
        "description": "Principer för egenavgifter och hur de ska tillämpas lika i länet.",
    },
    {
        "structure": "vg",
        "title": "Sortiment för sårvårdsprodukter",
        "description": "Samverkan kring sortiment och förskrivning av sårvårdsprodukter inför ny upphandling.",
    },
    {
        "structure": "vg",
        "title": "Övergång till nytt beställningssystem – tidplan och finansiering",
        "description": "Principiell ekonomifråga om finansiering av övergången till ett nytt beställningssystem.",
    },
    {
        "structure": "vg",
        "title": "Prisjustering i samverkansavtalet",
        "description": "Förslag till principer för årlig prisjustering i avtalet mellan VGR och kommunerna.",
    },
    {
        "structure": "vg",
        "title": "Mötesplan och prioriteringar för beredningsgruppen",
        "description": "Planering av årets sammanträden och prioriterade frågor.",
    },
    # --- pks ---
    {
        "structure": "pks",
        "title": "Prioriterade utvecklingsområden för partnerskapet",
        "description": "Årligt beslut om vilka övergripande utvecklingsområden som särskilt ska prioriteras.",
    },
    {
        "structure": "pks",
        "title": "Rollfördelning mellan myndigheter och nationella programområden",
        "description": "Förslag till lösning på oklarheter i roll- och arbetsfördelningen vid framtagande av kunskapsstöd.",
    },
    {
        "structure": "pks",
        "title": "Inriktningsdokument för samverkan med nationell samverkansgrupp läkemedel",
        "description": "Hur berörda myndigheter och samverkansgruppen ska samarbeta; beslutas av den taktiska samordningsgruppen.",
    },
    {
        "structure": "pks",
        "title": "Gemensam behovsinventering av nationella kunskapsstöd",
        "description": "Att gemensamt fånga, identifiera och prioritera behov av nationella kunskapsstöd.",
    },
    {
        "structure": "pks",
        "title": "Samordnad uppföljning av nationella riktlinjer",
        "description": "Hur parterna gemensamt stödjer en ändamålsenlig uppföljning av hälso- och sjukvården.",
    },
    {
        "structure": "pks",
        "title": "Former för involvering av patient- och brukarorganisationer",
        "description": "Effektivisera formerna för involvering av patient- och professionsföreträdare.",
    },
    {
        "structure": "pks",
        "title": "Årlig sammanställning av insatser och resultat",
        "description": "Partnerskapets årliga sammanställning av insatser och resultat av samverkan.",
    },
    {
        "structure": "pks",
        "title": "Underlag till myndigheternas återrapportering till regeringen",
        "description": "Underlag om partnerskapet inför återrapportering enligt förordningen om statlig styrning med kunskap.",
    },
    {
        "structure": "pks",
        "title": "Kontaktvägar mellan myndigheterna och programområdena",
        "description": "Hur varje myndighet samordnar sina kontakter med programområdena för att värna deras uppdrag och tid.",
    },
    {
        "structure": "pks",
        "title": "Ansvarsfördelning för kunskapsstöd inom socialtjänst och närliggande vård",
        "description": "Hur en helhet i den gemensamma kunskapsstyrningen ska nås även för socialtjänst och närliggande hälso- och sjukvård.",
    },
    {
        "structure": "pks",
        "title": "Utvärdering av styr- och ledningsdokumentet",
        "description": "Löpande uppföljning och utvärdering av formerna för styrning och ledning inom partnerskapet.",
    },
    {
        "structure": "pks",
        "title": "Gemensam utbildningsdag för myndigheter och intresseorganisationer",
        "description": "Planering av en utbildningsdag som ökar förståelsen mellan myndigheter och patient- och brukarorganisationer.",
    },
]
