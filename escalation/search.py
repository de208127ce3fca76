"""A case's searched document (kernel.search): its reference, title and description."""

CASE_FIELDS = ("reference", "title", "description")
