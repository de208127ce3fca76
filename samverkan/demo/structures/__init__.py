"""Demo data: five real Swedish collaboration structures (samverkansstrukturer).

Plain Python data only, one module per structure; `defaults` holds what they share.
Sources are the seed documents in /work/shared/seeds/:
  000 E-hälsomyndighetens struktur för samverkan (`ehalsomyndigheten`)
  001 Uppdragsbeskrivning för regional samverkansgrupp läkemedel i Sydöstra
      sjukvårdsregionen (`sydostra`)
  002 Politisk samarbetsorganisation, Västra Götaland (SRO / politisk beredningsgrupp MTP)
      (`vastra_gotaland`)
  003 Partnerskapet för stöd till kunskapsstyrning – styr- och ledningsdokument
      (`partnerskapet`)
  004 Rådet för styrning med kunskap – samverkan med intresseorganisationer (`partnerskapet`,
      and Rådet's own council in `radet`)

Texts are taken from the seeds. Anything that is not in a seed is marked with a
comment containing "ANTAGANDE" (assumption). No real persons appear in these files.
"""

from . import ehalsomyndigheten, partnerskapet, radet, sydostra, vastra_gotaland
from .defaults import PERSON_FIRST_NAMES, PERSON_LAST_NAMES

_MODULES = (ehalsomyndigheten, sydostra, vastra_gotaland, partnerskapet, radet)

STRUCTURES = [module.STRUCTURE for module in _MODULES]

# Plausible, fictional demo cases (ärenden), twelve per structure, in structure order.
CASE_TITLES = [
    {"structure": module.STRUCTURE["key"], **case} for module in _MODULES for case in module.CASES
]

# Where each structure's meetings are held: structure key -> places.
MEETING_PLACES = {module.STRUCTURE["key"]: module.MEETING_PLACES for module in _MODULES}

__all__ = ["CASE_TITLES", "MEETING_PLACES", "PERSON_FIRST_NAMES", "PERSON_LAST_NAMES", "STRUCTURES"]
