"""The yearly cycle of the demo year: Partnerskapet's priority areas and the action plans.

Seed 003 has the strategic group decide every year which development areas the partnership
gives priority; the areas below are lifted from its list of what the parties work for.
Seed 001 has every collaboration group document its work in a yearly action plan; the
activities below are ANTAGANDE (assumptions), each serving an assignment of the forum's
charter. An activity's `assignment` is (kind, order) of the forum's charter item, `area` the
order of a priority area, and `case` / `action_item` whether it is linked to the forum's
first case or action item.
"""

PRIORITY_FORUM = "pks-styrgrupp"

PRIORITY_INTRODUCTION = (
    "Strategisk styrgrupp beslutar årligen om vilka övergripande utvecklingsområden som "
    "särskilt ska prioriteras inom partnerskapet. Under året prioriteras följande områden."
)

# (title, description); the first two are linked to the structure's cases, the second to a
# decision of the tactical group.
PRIORITY_AREAS = [
    (
        "Behovsanpassade nationella kunskapsstöd",
        "Gemensamt fånga, identifiera och prioritera behov av nationella kunskapsstöd och "
        "öka behovsanpassningen av dem.",
    ),
    (
        "Genomslag för nationella kunskapsstöd",
        "Öka genomslaget av de nationella kunskapsstöd som tas fram inom såväl regionernas "
        "nationella struktur för kunskapsstyrning som statliga myndigheter.",
    ),
    (
        "Ändamålsenlig uppföljning av hälso- och sjukvården",
        "Gemensamt stödja en ändamålsenlig uppföljning av hälso- och sjukvården.",
    ),
    (
        "Involvering av patient- och professionsföreträdare",
        "Säkerställa att kunskapen används på bästa sätt genom att gemensamt effektivisera "
        "formerna för involvering av patient- och professionsföreträdare.",
    ),
]


def _activity(title, description, status, note, months, assignment, **links):
    return {
        "title": title,
        "description": description,
        "status": status,
        "note": note,
        "months": months,  # (first month, last month) of the year
        "assignment": assignment,
        "area": links.get("area"),
        "case": links.get("case", False),
        "action_item": links.get("action_item", False),
        "owner": links.get("owner", 0),  # index among the forum's members
    }


# forum key -> (introduction, activities); in the order the loader makes them.
ACTION_PLANS = {
    "ehm-strategic": (
        "Handlingsplanen beskriver hur det strategiska samverkansforumet under året synkar "
        "de deltagande organisationernas insatser utifrån ett helhetsperspektiv.",
        [
            _activity(
                "Gemensam lägesbild av e-hälsotjänsternas utveckling",
                "Organisationerna sammanställer sina planer för kommande år till en gemensam "
                "lägesbild.",
                "done",
                "Lägesbilden redovisades och diskuterades vid höstens sammanträde.",
                (2, 9),
                ("general", 3),
                action_item=True,
            ),
            _activity(
                "Tydliggöra eskaleringsvägarna mellan samverkansnivåerna",
                "Beskriva hur frågor förs vidare från operativ och taktisk samverkan.",
                "ongoing",
                "Ett förslag till beskrivning är ute hos organisationerna för synpunkter.",
                (3, 11),
                ("general", 4),
                owner=1,
            ),
            _activity(
                "Utse representanter till den operativa samverkan för nästa år",
                "",
                "planned",
                "",
                (11, 12),
                ("general", 5),
                owner=2,
            ),
            _activity(
                "Workshop om organisationernas strategier för e-hälsa",
                "En halvdag där varje organisation presenterar sin strategi.",
                "postponed",
                "Skjuts till våren nästa år eftersom flera organisationer reviderar sina "
                "strategier.",
                (5, 6),
                ("general", 1),
                owner=3,
            ),
        ],
    ),
    "sos-rsl": (
        "Regionsjukvårdsledningens handlingsplan för arbetet med sjukvårdsregionens "
        "samverkansgrupper under året.",
        [
            _activity(
                "Ge uppdrag till samverkansgrupperna för året",
                "",
                "done",
                "Uppdragen beslutades vid årets första sammanträde.",
                (1, 2),
                ("general", 1),
                action_item=True,
            ),
            _activity(
                "Ta emot och återkoppla på samverkansgruppernas handlingsplaner",
                "",
                "done",
                "Återkoppling lämnades till samtliga grupper i april.",
                (2, 4),
                ("general", 2),
                owner=1,
            ),
            _activity(
                "Bereda underlag till Samverkansnämndens överenskommelse för nästa år",
                "Sammanställa regionernas synpunkter inför nästa års överenskommelse.",
                "ongoing",
                "Regionernas synpunkter är inkomna; sammanställningen pågår.",
                (8, 12),
                ("general", 3),
                owner=2,
            ),
            _activity(
                "Ta emot samverkansgruppernas årsrapporter",
                "",
                "planned",
                "",
                (12, 12),
                ("general", 2),
                owner=3,
            ),
        ],
    ),
    "vg-sro": (
        "SRO:s handlingsplan för den politiska samverkan om läkemedelsnära produkter i "
        "Västra Götaland.",
        [
            _activity(
                "Fastställa reviderad uppdragshandling för den politiska beredningsgruppen",
                "",
                "done",
                "Uppdragshandlingen fastställdes vid vårens sammanträde.",
                (2, 4),
                ("general", 2),
                action_item=True,
            ),
            _activity(
                "Dialog om läkemedelsnära produkter i den kommunala hälso- och sjukvården",
                "Gemensam dialog mellan kommunalförbunden och regionen om ansvar och kostnader.",
                "ongoing",
                "Första dialogmötet är genomfört; ett andra planeras.",
                (4, 12),
                ("general", 1),
                owner=1,
            ),
            _activity(
                "Följa beredningsgruppens arbete genom dess årliga rapport",
                "",
                "planned",
                "",
                (12, 12),
                ("general", 3),
                owner=2,
            ),
            _activity(
                "Politisk konferens om samverkan inom välfärdsområdet",
                "",
                "cancelled",
                "Ställs in; frågorna tas i stället upp vid ordinarie sammanträde.",
                (9, 9),
                ("general", 1),
                owner=3,
            ),
        ],
    ),
    PRIORITY_FORUM: (
        "Handlingsplanen anger hur partnerskapet under året arbetar med de prioriterade områdena.",
        [
            _activity(
                "Gemensam behovsinventering av nationella kunskapsstöd",
                "Parterna inventerar målgruppernas behov av nationella kunskapsstöd.",
                "done",
                "Inventeringen är sammanställd och överlämnad till samordningsgruppen.",
                (4, 9),
                ("general", 2),
                area=1,
                action_item=True,
            ),
            _activity(
                "Plan för ökat genomslag av nationella kunskapsstöd",
                "",
                "ongoing",
                "Ett utkast till plan diskuterades vid höstens sammanträde.",
                (5, 12),
                ("general", 5),
                area=2,
                owner=1,
            ),
            _activity(
                "Årlig sammanställning av insatser och resultat av samverkan",
                "",
                "planned",
                "",
                (11, 12),
                ("general", 3),
                area=3,
                owner=2,
            ),
            _activity(
                "Översyn av formerna för involvering av patient- och professionsföreträdare",
                "",
                "postponed",
                "Skjuts upp tills programområdenas nya arbetsformer är beslutade.",
                (6, 10),
                ("general", 4),
                area=4,
                owner=3,
            ),
        ],
    ),
    "sos-lakemedel": (
        "Regional samverkansgrupp läkemedel dokumenterar här sitt arbete under året. "
        "Handlingsplanen publiceras på sjukvårdsregionens webbplats tillsammans med "
        "aktuella kontaktuppgifter.",
        [
            _activity(
                "Gemensamma rekommendationer för införande av nya läkemedel",
                "Rekommendationer för läkemedel som inte samordnas nationellt.",
                "ongoing",
                "Två rekommendationer är klara; en tredje bereds.",
                (2, 11),
                ("specific", 2),
                case=True,
            ),
            _activity(
                "Regional utbildningsdag om läkemedel och patientsäkerhet",
                "",
                "done",
                "Utbildningsdagen genomfördes i maj med cirka 120 deltagare.",
                (3, 5),
                ("specific", 5),
                action_item=True,
                owner=1,
            ),
            _activity(
                "Gemensam hållning i kontakterna med läkemedelsindustrin",
                "",
                "ongoing",
                "Riktlinjer för gemensamma kontakter är under framtagande.",
                (4, 12),
                ("specific", 4),
                owner=2,
            ),
            _activity(
                "Erfarenhetsutbyte med de andra sjukvårdsregionernas samverkansgrupper",
                "",
                "planned",
                "",
                (11, 12),
                ("general", 6),
                owner=3,
            ),
            _activity(
                "Remissvar på nationella förslag om läkemedelsförsörjning",
                "",
                "done",
                "Gruppens remissvar skickades in i juni.",
                (5, 6),
                ("general", 7),
                owner=4,
            ),
        ],
    ),
}
