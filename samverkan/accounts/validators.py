"""Password rules beyond Django's: a long passphrase may be long, but not without end."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MaximumLengthValidator:
    """At most `max_length` characters (128: long passphrases fit, hashing stays cheap)."""

    def __init__(self, max_length=128):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "The password may have at most %(max_length)d character.",
                    "The password may have at most %(max_length)d characters.",
                    self.max_length,
                )
                % {"max_length": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self):
        return _("Your password may have at most %(max_length)d characters.") % {
            "max_length": self.max_length
        }
