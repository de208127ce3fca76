"""Stop `make test` within seconds, with advice, when PostgreSQL or Redis is not reachable."""

import os
import socket
import sys
from urllib.parse import urlsplit

SERVICES = [
    ("PostgreSQL", "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samverkan", 5432),
    ("Redis", "CELERY_BROKER_URL", "redis://127.0.0.1:6379/15", 6379),
]
ADVICE = """
Start the services, then run `make test` again:
  - on this machine:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
                      redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""
  - or with Docker:   docker compose up -d db redis
    (compose needs SECRET_KEY, ALLOWED_HOSTS and POSTGRES_PASSWORD set, e.g. in .env; then
     DATABASE_URL=postgres://samverkan:<POSTGRES_PASSWORD>@127.0.0.1:5432/samverkan make test)
Point DATABASE_URL and CELERY_BROKER_URL elsewhere to use other servers."""


def unreachable():
    for name, variable, default, default_port in SERVICES:
        url = urlsplit(os.environ.get(variable) or default)
        host, port = url.hostname or "127.0.0.1", url.port or default_port
        try:
            socket.create_connection((host, port), timeout=3).close()
        except OSError as error:
            yield f"{name} is not reachable at {host}:{port} ({variable}): {error}"


def main():
    problems = list(unreachable())
    if problems:
        print("\n".join(problems) + "\n" + ADVICE, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
