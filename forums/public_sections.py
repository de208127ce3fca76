"""A hook for what other apps publish on a public forum page (minutes, reports, ...).

`forums` must not import the apps that depend on it, so they register here instead, e.g. in
`meetings/apps.py`::

    def ready(self):
        from forums.public_sections import register_public_section
        register_public_section(published_minutes_section)

A section is a callable `(request, forum) -> PublicSection | None`; the public forum page
renders each section's template with its context, in the order registered. It must only
show what is published (approved minutes, published reports), and should make a constant
number of queries.
"""

from dataclasses import dataclass, field

_SECTIONS = []


@dataclass
class PublicSection:
    template_name: str
    context: dict = field(default_factory=dict)


def register_public_section(section):
    if section not in _SECTIONS:
        _SECTIONS.append(section)
    return section


def unregister_public_section(section):
    if section in _SECTIONS:
        _SECTIONS.remove(section)


def public_sections_for(request, forum):
    sections = (section(request, forum) for section in list(_SECTIONS))
    return [section for section in sections if section is not None]
