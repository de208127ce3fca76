"""Settings shared by every environment; values come from the environment (django-environ).

With nothing set the portal runs on a SQLite file and runs Celery tasks eagerly, so a
newcomer needs no services. DATABASE_URL and CELERY_BROKER_URL switch to PostgreSQL and
Redis.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
import xstatic.pkg.bootstrap as xstatic_bootstrap
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-0123456789abcdefghijklmnop")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "guardian",
    "simple_history",
    "django_htmx",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "django_filters",
    "django_tables2",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "kernel",
    "forums",
    "mandates",
    "escalation",
    "meetings",
    "cycle",
    "samverkan",
    "samverkan.oidc",
    "samverkan.two_factor",
    "samverkan.accounts",
    "samverkan.notifications",
    "samverkan.search",
    "samverkan.oparl",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The header middleware sits above everything that can refuse a request (CommonMiddleware's
    # bad host, CSRF), so that error responses carry the headers too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signed-in pages: Cache-Control no-store; logout: Clear-Site-Data.
    "samverkan.accounts.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends sessions past their idle or absolute limit (before two factors ask for a code).
    "samverkan.accounts.middleware.SessionLimitsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samverkan.two_factor.middleware.TwoFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last so that it sees authentication results.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samverkan.urls"
WSGI_APPLICATION = "samverkan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

AUTH_USER_MODEL = "samverkan.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
    # Sign-in with e-ID (samverkan.oidc); it only answers the OIDC callback.
    "samverkan.oidc.backends.EidBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # At least 12 and at most 128 characters: passphrases welcome, no other composition rules.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "samverkan.accounts.validators.MaximumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Swedish is the default language, English the second.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", xstatic_bootstrap.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="samverkan@localhost")
# Where the portal is reached from outside: e-mails link to SITE_URL + a path.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without a broker the tasks run eagerly in-process (no services needed).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TIMEZONE = TIME_ZONE
# Reliability: ack after the task finished, requeue when a worker dies, take one task at
# a time, JSON only, and keep Redis from re-delivering a task that is still running.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
# Longer than the longest task (the hard time limit), so a running task is not re-sent.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_BEAT_SCHEDULE = {
    # Nightly: end mandates whose term has passed and repair object permissions (mandates).
    "mandates-reconcile-permissions": {
        "task": "mandates.tasks.reconcile_permissions",
        "schedule": crontab(hour=2, minute=30),
    },
    # Daily: remind the secretariat 60 and 14 days before a mandate or chair term ends.
    "mandates-reminders": {
        "task": "mandates.tasks.mandate_reminders",
        "schedule": crontab(hour=6, minute=15),
    },
    # Daily: one e-mail per person who chose the digest, with the notifications not yet
    # e-mailed (kernel).
    "notifications-daily-digest": {
        "task": "kernel.tasks.notification_digest_send",
        "schedule": crontab(hour=7, minute=0),
    },
    # Hourly: end the sessions past their idle or absolute limit (samverkan.accounts).
    "accounts-sessions-prune": {
        "task": "samverkan.accounts.tasks.sessions_prune",
        "schedule": crontab(minute=17),
    },
    # Daily: remind approvers of minutes waiting 7 days, once per submission (meetings).
    "meetings-minutes-approval-reminders": {
        "task": "meetings.tasks.minutes_approval_reminders",
        "schedule": crontab(hour=6, minute=45),
    },
    # Daily: remind assignees of action items due within three days, once (meetings).
    "meetings-action-item-reminders": {
        "task": "meetings.tasks.action_item_reminders",
        "schedule": crontab(hour=6, minute=50),
    },
    # Daily: remind a tactical forum's leaders and the secretariat once when a direction
    # document's review date has passed (cycle).
    "cycle-direction-review-reminders": {
        "task": "cycle.tasks.direction_review_reminders",
        "schedule": crontab(hour=6, minute=55),
    },
}

# Third-party apps.
GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None
SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Lock out a username from one address, so one attacker cannot lock a person out everywhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}

# `manage.py load_demo` makes logins with known passwords: allowed in development and tests,
# never in production (production.py turns it off).
DEMO_DATA_ALLOWED = True

# The name of the user that services act as when no person does (Celery beat, imports).
SYSTEM_USERNAME = "system"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}


# --- Sign-in with e-ID through OpenID Connect (samverkan.oidc, mozilla-django-oidc) ----------
# For a Swedish e-ID broker (BankID or Freja eID through OIDC, e.g. Svensk e-identitet, Criipto,
# Signicat). Off unless the client id and the authorization, token, user info and JWKS
# endpoints are all set: then the login page shows no e-ID button and the e-ID URLs are 404.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", default="")  # the ID token's `iss` must equal it
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_END_SESSION_ENDPOINT = env("OIDC_OP_END_SESSION_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email")
OIDC_USE_PKCE = env.bool("OIDC_USE_PKCE", default=True)
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)  # seconds, for each call to the provider
# Which verified claim names the person: "email" (only with email_verified true) or
# "personal_identity_number" (the claim named below, e.g. "personal_identity_number" or the
# Swedish OIDC profile's "https://claims.oidc.se/1.0/personalNumber").
OIDC_MATCH = env("OIDC_MATCH", default="email")
OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM = env(
    "OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM", default="https://claims.oidc.se/1.0/personalNumber"
)
OIDC_CREATE_USER = False  # never: people are matched to accounts the secretariat made
OIDC_STORE_ID_TOKEN = True  # for id_token_hint at logout
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc:callback"
OIDC_OP_LOGOUT_URL_METHOD = "samverkan.oidc.views.provider_logout_url"
# The key of the personal identity number hash (kernel.personal_numbers); empty: from
# SECRET_KEY. Changing it (or SECRET_KEY when it is empty) unlinks every stored number.
PERSONAL_IDENTITY_NUMBER_KEY = env("PERSONAL_IDENTITY_NUMBER_KEY", default="")
if OIDC_OP_END_SESSION_ENDPOINT:
    # The logout form's redirect to the provider's end-session endpoint obeys form-action.
    _end_session = urlsplit(OIDC_OP_END_SESSION_ENDPOINT)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_end_session.scheme}://{_end_session.netloc}"
    )
# --- Two factors (django-otp: TOTP with recovery codes; samverkan.two_factor) ----------------
# The issuer the authenticator app shows; each wrong code doubles the wait before the next
# may be tried (1 s, 2 s, 4 s, ...), for the authenticator and the recovery codes alike.
OTP_TOTP_ISSUER = "Samverkan"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Error pages, headers and limits (issue 11: error pages, headers, import and text limits).
# A refused CSRF check renders in the site layout, with the request's user and language.
CSRF_FAILURE_VIEW = "samverkan.errors.views.csrf_failure"
# Files served at the site's root (/favicon.ico), by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "webroot"
# The portal uses none of these browser features: deny them to every origin, embeds included.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# The most rows one mandate import may have; a longer file is refused while it is read.
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=20_000)
# --- Accounts: lockout, sessions, password reset (samverkan.accounts) ---------------------
# The client's address behind the reverse proxies: TRUSTED_PROXY_COUNT is how many proxies
# stand in front of gunicorn (0: none, REMOTE_ADDR is the client). django-ipware (its
# "modern" strict algorithm) counts the proxies *listed* in X-Forwarded-For, which is one
# fewer: the last proxy is REMOTE_ADDR. A header with another number of entries (a client
# that forged one) is not trusted, and the address is REMOTE_ADDR (the proxy's).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_IPWARE_PROXY_COUNT = max(0, TRUSTED_PROXY_COUNT - 1)
AXES_IPWARE_PROXY_ORDER = "left-most"
AXES_IPWARE_PROXY_TRUSTED_IPS = env.list("TRUSTED_PROXY_IPS", default=[]) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]
)
# The lockout page in the site layout, in Swedish, saying how long it lasts (status 429).
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429

# A session ends after this long without a request, and this long after sign-in whatever
# happens; the page warns SESSION_WARNING_MINUTES before the idle end.
SESSION_IDLE_TIMEOUT_MINUTES = env.int("SESSION_IDLE_TIMEOUT_MINUTES", default=30)
SESSION_ABSOLUTE_LIFETIME_HOURS = env.int("SESSION_ABSOLUTE_LIFETIME_HOURS", default=12)
SESSION_WARNING_MINUTES = env.int("SESSION_WARNING_MINUTES", default=5)
# The last activity is written at most once a minute (not a session write per request).
SESSION_ACTIVITY_RESOLUTION_SECONDS = 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME_HOURS * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# A password reset link works once and for an hour; an invitation link for a week.
PASSWORD_RESET_TIMEOUT = 60 * 60
INVITATION_TIMEOUT_DAYS = env.int("INVITATION_TIMEOUT_DAYS", default=7)
# Reset requests per hour: per e-mail address (more send nothing, the answer is the same)
# and per client address (more get a 429).
PASSWORD_RESET_LIMIT_PER_EMAIL = env.int("PASSWORD_RESET_LIMIT_PER_EMAIL", default=3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env.int("PASSWORD_RESET_LIMIT_PER_CLIENT", default=10)
