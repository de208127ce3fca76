"""What the yearly cycle shows on a forum's pages (forums.panels), one module per topic;
imported by CycleConfig.ready()."""

from . import direction  # noqa: F401
