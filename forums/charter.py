"""Compare two versions of a forum's charter (R4), section by section, with difflib.

The result is plain data for the template `forums/partials/_charter_diff.html`, which marks
changes with <ins> and <del> and a visually hidden word ("Added", "Removed") so that the
change does not depend on colour or on a screen reader announcing the elements.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

SAME, ADDED, REMOVED, CHANGED = "same", "added", "removed", "changed"
TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class Segment:
    kind: str  # same, added, removed
    text: str


@dataclass
class Line:
    kind: str  # same, added, removed, changed
    segments: list = field(default_factory=list)


@dataclass
class Section:
    title: str
    lines: list
    is_list: bool

    @property
    def changed(self):
        return any(line.kind != SAME for line in self.lines)


def _word_diff(old, new):
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    segments = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(Segment(SAME, "".join(a[i1:i2])))
            continue
        if tag in ("replace", "delete"):
            segments.append(Segment(REMOVED, "".join(a[i1:i2])))
        if tag in ("replace", "insert"):
            segments.append(Segment(ADDED, "".join(b[j1:j2])))
    return segments


def diff_lines(old, new):
    """Lines of `new` against `old`: unchanged, added, removed, or changed word by word."""
    lines = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines.extend(Line(SAME, [Segment(SAME, text)]) for text in new[j1:j2])
        elif tag == "replace" and (i2 - i1) == (j2 - j1):
            lines.extend(
                Line(CHANGED, _word_diff(a, b)) for a, b in zip(old[i1:i2], new[j1:j2], strict=True)
            )
        else:
            lines.extend(Line(REMOVED, [Segment(REMOVED, text)]) for text in old[i1:i2])
            lines.extend(Line(ADDED, [Segment(ADDED, text)]) for text in new[j1:j2])
    return lines


def _paragraphs(text):
    return [line for line in (text or "").splitlines() if line.strip()]


def charter_diff(old, new):
    """Sections (purpose, general, specific) of `new` compared with `old`.

    `old` and `new` are CharterVersion objects, or anything with `purpose`,
    `general_assignments` and `specific_assignments`.
    """
    return [
        Section(
            _("Purpose"),
            diff_lines(_paragraphs(old.purpose), _paragraphs(new.purpose)),
            False,
        ),
        Section(
            _("General assignments"),
            diff_lines(list(old.general_assignments), list(new.general_assignments)),
            True,
        ),
        Section(
            _("Specific assignments"),
            diff_lines(list(old.specific_assignments), list(new.specific_assignments)),
            True,
        ),
    ]
