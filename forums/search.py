"""The searched documents of forums and organisations (kernel.search)."""

FORUM_FIELDS = ("name", "short_name", "purpose")
ORGANISATION_FIELDS = ("name", "short_name")
