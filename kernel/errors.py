"""Errors that services raise and views turn into messages for the user."""


class DomainError(Exception):
    """A request that breaks a rule of the domain; its message is shown to the user."""


class InvalidTransition(DomainError):
    """A status change that the model's table of allowed transitions does not allow."""
