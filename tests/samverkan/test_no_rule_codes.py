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


# --- the rendered pages -------------------------------------------------------------------
# Every GET page of the portal (the resolver walked as tests/security/test_url_roles.py walks
# it, in its world) as the people who see the most: no rule code in the visible text, the
# `title`, `aria-label` and `placeholder` attributes, or the page title.

import html  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

import pytest  # noqa: E402

from tests.security.conftest import _media, world  # noqa: E402, F401
from tests.security.test_url_roles import ALL_URLS, url_for  # noqa: E402

READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "value"}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.texts.append(data)


def visible_text(body):
    parser = _VisibleText()
    parser.feed(html.unescape(body) if "<" not in body else body)
    return " ".join(parser.texts)


def test_visible_text_skips_markup_and_scripts():
    text = visible_text('<p data-rule="R5">Seats</p><script>var R5;</script><a title="R7">x</a>')
    assert "Seats" in text and "R7" in text and "var" not in text
    assert not RULE_CODE.search(visible_text('<p data-rule="R5" class="R9">Seats</p>'))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["secretariat", "superuser", "chair", "member"])
def test_no_rule_code_in_a_rendered_page(client, world, role):  # noqa: F811
    client.force_login(world["users"][role])
    found = []
    for name, route in ALL_URLS:
        response = client.get(url_for(world, name, route))
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or "html" not in content_type:
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = visible_text(body.decode())
        for match in RULE_CODE.finditer(text):
            found.append((name, text[max(0, match.start() - 60) : match.end() + 40]))
    assert found == [], "\n".join(map(str, found))
