"""The invitation link's token: like a password reset token (it works once: it hashes the
password and the last login), but with its own salt and its own lifetime,
INVITATION_TIMEOUT_DAYS, so a reset link can live an hour and an invitation a week."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "mandates.tokens.InvitationTokenGenerator"

    @staticmethod
    def timeout_seconds():
        return settings.INVITATION_TIMEOUT_DAYS * 24 * 60 * 60

    def check_token(self, user, token):
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return (self._num_seconds(self._now()) - ts) <= self.timeout_seconds()


invitation_token_generator = InvitationTokenGenerator()
