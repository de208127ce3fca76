"""The Swedish catalogue is complete, current and safe to format, and Django uses it.

Swedish is the default language and the source strings are English, so an untranslated,
fuzzy or stale entry shows English to Swedish users. No database is needed.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

PO_PATH = settings.BASE_DIR / "locale" / "sv" / "LC_MESSAGES" / "django.po"

# The flags the catalogue is generated with (see README / Makefile): keep them in step.
IGNORED = (".venv", "node_modules", "staticfiles", "tests")
MAKEMESSAGES_ARGS = [
    "makemessages",
    "-l",
    "sv",
    *(f"--ignore={name}" for name in IGNORED),
    "--no-location",
    "--no-obsolete",
]

# %(name)s, %(count)d, %s, %d … but not a literal %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def _read_catalogue(path):
    with open(path, "rb") as f:
        return read_po(f)


def _key(message):
    return message.id[0] if isinstance(message.id, tuple | list) else message.id


def _forms(value):
    return list(value) if isinstance(value, tuple | list) else [value]


def _placeholders(text):
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


@pytest.fixture(scope="module")
def catalogue():
    assert PO_PATH.is_file(), f"{PO_PATH} is missing: run makemessages -l sv"
    return _read_catalogue(PO_PATH)


def _entries(catalogue):
    return [m for m in catalogue if m.id]


def test_catalogue_header(catalogue):
    assert str(catalogue.locale) == "sv"
    assert catalogue.charset.lower() == "utf-8"
    assert catalogue.plural_forms == "nplurals=2; plural=(n != 1);"
    # pybabel compile skips a catalogue whose header is fuzzy: English would ship silently.
    assert not catalogue.fuzzy, "remove '#, fuzzy' from the header of the Swedish catalogue"


def test_every_entry_is_translated_and_not_fuzzy(catalogue):
    untranslated = [_key(m) for m in _entries(catalogue) if not all(_forms(m.string))]
    fuzzy = [_key(m) for m in _entries(catalogue) if m.fuzzy]
    assert not untranslated, f"untranslated in {PO_PATH}: {untranslated}"
    assert not fuzzy, f"fuzzy in {PO_PATH}: {fuzzy}"


def test_placeholders_match(catalogue):
    mismatched = []
    for message in _entries(catalogue):
        ids = _forms(message.id)
        for index, text in enumerate(_forms(message.string)):
            source = ids[min(index, len(ids) - 1)]
            if _placeholders(text) != _placeholders(source):
                mismatched.append((source, text))
    assert not mismatched, f"placeholders differ between msgid and msgstr: {mismatched}"


def _copy_ignore(root):
    """Leave out what makemessages would skip anyway, and the catalogue itself."""
    top_level = {*IGNORED, "locale", "media", "db.sqlite3"}

    def ignore(directory, names):
        skipped = {n for n in names if n == "__pycache__" or n.endswith(".pyc")}
        if os.path.samefile(directory, root):
            skipped |= {n for n in names if n in top_level or n.startswith(".")}
        return skipped

    return ignore


def test_catalogue_is_up_to_date(catalogue, tmp_path):
    if shutil.which("xgettext") is None or shutil.which("msguniq") is None:
        pytest.fail(
            "xgettext is not on PATH: install gettext (CI installs it) to check the catalogue"
        )
    project = tmp_path / "project"
    shutil.copytree(settings.BASE_DIR, project, ignore=_copy_ignore(settings.BASE_DIR))
    (project / "locale").mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samverkan.settings.dev",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES_ARGS],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
    fresh = _read_catalogue(project / "locale" / "sv" / "LC_MESSAGES" / "django.po")

    committed_ids = {_key(m) for m in _entries(catalogue)}
    fresh_ids = {_key(m) for m in _entries(fresh)}
    missing = sorted(fresh_ids - committed_ids)
    extra = sorted(committed_ids - fresh_ids)
    assert not missing and not extra, (
        "locale/sv/LC_MESSAGES/django.po is out of date; run "
        f"`python manage.py {' '.join(MAKEMESSAGES_ARGS)}` and translate.\n"
        f"missing from the catalogue: {missing}\nno longer in the code: {extra}"
    )


SWEDISH = {
    "Skip to main content": "Hoppa till huvudinnehållet",
    "Main navigation": "Huvudmeny",
    "Overview": "Översikt",
    "Log in": "Logga in",
    "Log out": "Logga ut",
    "Username": "Användarnamn",
    "Structures you run as secretariat": "Strukturer som du är sekretariat för",
    "Referred back for new preparation": "Återremitterat för ny beredning",
    "Mandates": "Mandat",
}


def test_swedish_is_used_when_active():
    with translation.override("sv"):
        for source, swedish in SWEDISH.items():
            assert gettext(source) == swedish, (
                f"{source!r} is not translated at run time: compile the catalogue "
                "(make messages / pybabel compile -d locale -D django)"
            )
        assert gettext("Welcome, %(name)s") % {"name": "Ann"} == "Välkommen, Ann"
        assert ngettext("%(counter)s forum", "%(counter)s forums", 2) % {"counter": 2} == (
            "2 forum"
        )


def test_english_stays_english():
    with translation.override("en"):
        for source in SWEDISH:
            assert gettext(source) == source
        assert gettext("Welcome, %(name)s") % {"name": "Ann"} == "Welcome, Ann"
        assert ngettext("%(counter)s forum", "%(counter)s forums", 2) % {"counter": 2} == (
            "2 forums"
        )


def test_model_labels_follow_the_language():
    from escalation.models import Case

    with translation.override("sv"):
        assert str(Case._meta.verbose_name) == "ärende"
        assert str(Case.Status.REFERRED_BACK.label) == "Återremitterat"
    with translation.override("en"):
        assert str(Case._meta.verbose_name) == "case"
        assert str(Case.Status.REFERRED_BACK.label) == "Referred back"
