"""`make test`: the real PostgreSQL and Redis, with local defaults that the environment can override."""

from .base import *  # noqa: F403
from .base import env

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/samverkan"),
}
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/15")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CACHES = {"default": env.cache("CACHE_URL", default="rediscache://127.0.0.1:6379/14")}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Fast hashing keeps the suite quick; production keeps Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S105
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
AXES_ENABLED = False
DEBUG = False
