"""Every write of the yearly cycle, one module per topic."""

from .agenda import document_put_on_agenda

__all__ = ["document_put_on_agenda"]
