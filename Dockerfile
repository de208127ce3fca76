# syntax=docker/dockerfile:1
# Production image for the samverkan portal: gunicorn by default; the same image runs the
# Celery worker and beat (see docker-compose.yml). Runtime settings come from the
# environment (samverkan.settings.production); nothing secret is baked in.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=samverkan.settings.production

# gettext: message catalogues; graphviz, Pango, HarfBuzz and a font: PDF and diagrams.
# psycopg[binary] brings its own libpq. No browser here: Playwright is for tests only.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        gettext \
        graphviz \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz-subset0 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 samverkan \
    && useradd --system --uid 1000 --gid samverkan --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin samverkan

WORKDIR /app

# XStatic-Bootstrap ships only an sdist whose setup.py needs pkg_resources: build it
# without isolation against setuptools<81 before the pinned requirements (same pin).
RUN pip install "setuptools<81" wheel \
    && pip install --no-build-isolation XStatic-Bootstrap==5.3.8.0

COPY requirements.txt ./
RUN pip install -r requirements.txt

# The code stays owned by root (read-only for the app user).
COPY . .

# Compile the translations; a missing locale/ (or no django.po) is fine, but a catalogue
# that pybabel skipped (a "#, fuzzy" header) fails the build instead of shipping English.
RUN if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then \
        pybabel compile -d locale -D django --statistics \
        && for po in locale/*/LC_MESSAGES/django.po; do \
            test -f "${po%.po}.mo" || { echo "not compiled (fuzzy header?): $po" >&2; exit 1; }; \
        done; \
    else \
        echo "no locale/*/LC_MESSAGES/django.po: nothing to compile"; \
    fi

# Static files are collected with the production settings. The values below exist only
# for this one command (they are not ENV and do not reach the running container);
# collectstatic connects to neither the database nor the broker.
RUN SECRET_KEY=build-time-only-not-a-secret \
    ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite:////tmp/build-only.sqlite3 \
    CELERY_BROKER_URL=memory:// \
    python manage.py collectstatic --noinput \
    && rm -f /tmp/build-only.sqlite3

# Writable places for the app user; compose mounts named volumes here (a new named
# volume takes over the ownership of the image's directory).
RUN mkdir -p /app/media /var/lib/samverkan \
    && chown samverkan:samverkan /app/media /var/lib/samverkan

USER samverkan

EXPOSE 8000

CMD ["gunicorn", "samverkan.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--workers", "3", \
     "--max-requests", "1000", "--max-requests-jitter", "100", \
     "--worker-tmp-dir", "/dev/shm", \
     "--access-logfile", "-", \
     "--no-control-socket"]
