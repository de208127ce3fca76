"""The searched documents of meetings (kernel.search)."""

AGENDA_ITEM_FIELDS = ("title", "description")
DECISION_FIELDS = ("text",)
MINUTES_FIELDS = ("body",)
