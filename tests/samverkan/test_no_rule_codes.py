"""No rule codes (R5, R14 ...) in what users read: the house rule of the catalogue.

A rule's code is an identifier for developers (the rule registry, `list_rules`); users read
the rule itself. No database is needed.
"""

import re

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings

LC_MESSAGES = settings.BASE_DIR / "locale" / "sv" / "LC_MESSAGES"
RULE_CODE = re.compile(r"\bR\d{1,2}\b")


def _texts(message):
    for value in (message.id, message.string):
        yield from value if isinstance(value, (tuple, list)) else (value,)


def _with_codes(catalogue):
    return sorted(
        {
            text
            for message in catalogue
            if message.id
            for text in _texts(message)
            if text and RULE_CODE.search(text)
        }
    )


def test_no_rule_code_in_the_catalogue_source():
    with open(LC_MESSAGES / "django.po", "rb") as f:
        catalogue = read_po(f)
    assert _with_codes(catalogue) == []


def test_no_rule_code_in_the_compiled_catalogue():
    with open(LC_MESSAGES / "django.mo", "rb") as f:
        catalogue = read_mo(f)
    assert _with_codes(catalogue) == []


def test_the_pattern_finds_a_code_as_a_word():
    assert RULE_CODE.search("Seats (R5)") and RULE_CODE.search("R14: no consensus")
    assert not RULE_CODE.search("R500 or CR5 or R5x")
