"""Panels: what the apps above `forums` show on a forum's page and its public page.

`forums` must not import the apps that build on it (mandates, escalation, meetings), yet
the forum page shows their members, meetings and cases. So they register panels here,
in their AppConfig.ready(), the way NetBox's apps register view tabs::

    from forums.panels import MEMBER, Panel, register_panel, viewer

    @register_panel(MEMBER, order=10)
    def composition_panel(request, forum):
        if not viewer(request, forum).sees_members:
            return None
        return Panel("mandates/panels/composition.html", {"composition": ...})

A panel is a callable `(request, forum) -> Panel | None` (None: nothing to show this user).
It is registered for a page, MEMBER (the forum page of the workspace), PUBLIC (the page
anyone may read) or WIND_DOWN (the secretariat's page for winding the forum down, where the
apps above show what is left open there: cases, meetings after the wind-down day), and a
slot on it:

- SECTIONS: a labelled section of the page, below the forum's own (the default);
- LINKS: list items in the "Work in this forum" navigation (shown only when some panel
  gives one);
- ACTIONS: list items among the secretariat's actions.

Panels are shown by `order`, then in the order registered. A panel must make a constant
number of queries whatever the size of the forum, and on the public page show only what is
published. With no panels registered the pages show the forum's own content only.
"""

from dataclasses import dataclass, field

from .permissions import VIEW_FORUM, can_edit_forum

MEMBER = "member"
PUBLIC = "public"
WIND_DOWN = "wind_down"
PAGES = (MEMBER, PUBLIC, WIND_DOWN)

SECTIONS = "sections"
LINKS = "links"
ACTIONS = "actions"
SLOTS = (SECTIONS, LINKS, ACTIONS)


@dataclass
class Panel:
    """What a panel shows: a template rendered with this context (plus the page's)."""

    template_name: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Registration:
    panel: object
    page: str
    slot: str
    order: int


_REGISTRY = []


def register_panel(page, *, slot=SECTIONS, order=100):
    """Decorator: show `panel(request, forum)` on `page` (MEMBER or PUBLIC) in `slot`."""
    if page not in PAGES:
        raise ValueError(f"Unknown forum page {page!r}; expected one of {PAGES}")
    if slot not in SLOTS:
        raise ValueError(f"Unknown panel slot {slot!r}; expected one of {SLOTS}")

    def decorator(panel):
        registration = Registration(panel=panel, page=page, slot=slot, order=order)
        if registration not in _REGISTRY:
            _REGISTRY.append(registration)
        return panel

    return decorator


def registered_panels(page):
    """The registrations of a page, in display order."""
    return sorted((entry for entry in _REGISTRY if entry.page == page), key=lambda e: e.order)


def panels_for(page, request, forum):
    """Every slot of the page with the panels that have something to show: {slot: [Panel]}."""
    slots = {slot: [] for slot in SLOTS}
    for entry in registered_panels(page):
        panel = entry.panel(request, forum)
        if panel is not None:
            slots[entry.slot].append(panel)
    return slots


@dataclass(frozen=True)
class Viewer:
    """What the user asking for a forum page is to it (worked out once per request)."""

    is_secretariat: bool
    is_member: bool

    @property
    def sees_members(self):
        return self.is_secretariat or self.is_member


def viewer(request, forum):
    """The user's standing in the forum, cached on the request for the page and its panels."""
    cache = request.__dict__.setdefault("_forum_viewers", {})
    if forum.pk not in cache:
        user = request.user
        if user.is_authenticated:
            cache[forum.pk] = Viewer(
                is_secretariat=can_edit_forum(user, forum),
                is_member=user.has_perm(VIEW_FORUM, forum),
            )
        else:
            cache[forum.pk] = Viewer(is_secretariat=False, is_member=False)
    return cache[forum.pk]
