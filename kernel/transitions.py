"""Status changes allowed by a model's table, checked in one place."""

from django.utils.translation import gettext as _

from .errors import InvalidTransition


class TransitionsMixin:
    """For a model with `Status` (TextChoices), a `status` field and `TRANSITIONS`.

    `TRANSITIONS` maps each status to the set of statuses it may become; a status that maps
    to nothing is final.
    """

    def can_become(self, status):
        return status in self.TRANSITIONS[self.Status(self.status)]

    @property
    def is_final(self):
        return not self.TRANSITIONS[self.Status(self.status)]

    def check_transition(self, status, message=None):
        """Raise InvalidTransition (with `message`, or a generic one) unless allowed."""
        if self.can_become(status):
            return
        if message is None:
            message = _("“%(object)s” is “%(status)s” and cannot become “%(target)s”.") % {
                "object": self,
                "status": self.get_status_display(),
                "target": self.Status(status).label,
            }
        raise InvalidTransition(message)
