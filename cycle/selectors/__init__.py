"""Reads of the yearly cycle, always scoped to a user; one module per topic."""
