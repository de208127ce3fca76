"""Accounts: sessions that end (idle and absolute limits, the list of one's sessions, logging
out everywhere, a new key on privilege change), the lockout page and password resets that
are rate-limited and e-mailed through Celery."""
