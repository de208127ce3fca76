"""What the four demo structures share: the forum defaults, the organisations that sit in
more than one structure, and the names the demo invents people from.

The defaults are what a forum has unless its structure module says otherwise. The two
defaults that are not plain "nothing" are assumptions (ANTAGANDE): where a seed does not
say how a forum decides or who approves its minutes, it decides by consensus and its chair
approves the minutes.
"""

import copy

FORUM_DEFAULTS = {
    "appointed_by": None,
    "reports_to": None,  # key of the forum of the structure it reports to, or
    "principal_body": None,  # key of the organisation outside the portal it reports to
    "coordinates_with": [],  # keys of the forums its meeting planning is coordinated with
    "meeting_days": None,  # fixed meeting days (dates) instead of the loader's pattern
    "steers": [],  # keys of the forums this forum is the steering group of
    "specific_assignments": [],
    "min_meetings_per_year": None,
    "decision_rule": "consensus",  # ANTAGANDE where the seed says nothing
    "minutes_approval": "chair",  # ANTAGANDE where the seed says nothing
    "rotation_months": None,
    "rotation_among": None,
    "chair_party": None,
    "vice_chair_other_party": False,
    "chair_party_differs_from": None,
    "is_public": True,
    "operative_temporary": False,
}

# Organisations that sit in more than one structure (the loader finds organisations by
# name, so each is one organisation in the portal): key -> (name, short name, kind).
SHARED_ORGANISATIONS = {
    "ehalsomyndigheten": ("E-hälsomyndigheten", "EHM", "agency"),
    "skr": ("Sveriges Kommuner och Regioner", "SKR", "association"),
    "lakemedelsverket": ("Läkemedelsverket", "Läkemedelsverket", "agency"),
    "socialstyrelsen": ("Socialstyrelsen", "Socialstyrelsen", "agency"),
    "tlv": ("Tandvårds- och läkemedelsförmånsverket", "TLV", "agency"),
    "sbu": ("Statens beredning för medicinsk och social utvärdering", "SBU", "agency"),
    "folkhalsomyndigheten": ("Folkhälsomyndigheten", "Folkhälsomyndigheten", "agency"),
    "forte": ("Forskningsrådet för hälsa, arbetsliv och välfärd", "Forte", "agency"),
    "ivo": ("Inspektionen för vård och omsorg", "IVO", "agency"),
    "mfd": ("Myndigheten för delaktighet", "MFD", "agency"),
}


def forum(**fields):
    """A forum's spec: the defaults above, then what the structure module says."""
    return {**copy.deepcopy(FORUM_DEFAULTS), **fields}


def organisation(key, name=None, short_name=None, kind=None, *, parties=()):
    """An organisation's spec; a shared one needs only its key (and its parties here)."""
    if name is None:
        name, short_name, kind = SHARED_ORGANISATIONS[key]
    return {
        "key": key,
        "name": name,
        "short_name": short_name,
        "kind": kind,
        "parties": list(parties),  # keys of the structure's parties it belongs to
    }


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
