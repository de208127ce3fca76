"""`make test`: the real PostgreSQL and Redis; local defaults, overridable by the environment."""

import os

from .base import *  # noqa: F403
from .base import env

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/samverkan"),
}
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/15")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CACHES = {"default": env.cache("CACHE_URL", default="rediscache://127.0.0.1:6379/14")}
# In-memory mail unless EMAIL_URL says otherwise (the Celery worker test writes files).
vars().update(env.email("EMAIL_URL", default="memorymail://"))
# Fast hashing keeps the suite quick; production keeps Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S105
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
AXES_ENABLED = False
DEBUG = False
# Serve static files from the apps and static/ directly, without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# A test database of this run's own, so that runs side by side (CI, developers) never meet.
DATABASES["default"]["TEST"] = {"NAME": f"test_samverkan_{os.getpid()}"}
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"
