"""Two factors: a TOTP authenticator app with single-use recovery codes (django-otp).

Required for secretariat staff and administrators, optional for everyone else. The
middleware sends a signed-in person who must have a second factor and has none to set-up, and
one who has a confirmed authenticator but has not proved it in this session to the
verification page. A session counts as proved when django-otp verified it or when
`kernel.auth_levels` says it is strong (an e-ID sign-in).
"""
