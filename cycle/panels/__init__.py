"""What the yearly cycle shows on a forum's pages (see forums.panels), one module per topic;
imported by CycleConfig.ready()."""

from . import direction, plans, reports  # noqa: F401
