"""The deployment files agree with the code: docker-compose.yml, Dockerfile, settings.

There is no Docker engine here, so these tests read the files; the one exception runs
`manage.py check --deploy` with the production settings in a subprocess.
"""

import importlib.util
import os
import re
import secrets
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
SETTINGS_DIR = BASE_DIR / "samverkan" / "settings"
COMPOSE_FILE = BASE_DIR / "docker-compose.yml"
DOCKERFILE = BASE_DIR / "Dockerfile"
APP_SERVICES = ("web", "worker", "beat")

# env("X", ...), env.bool("X", ...), ... in the settings.
ENV_READ = re.compile(
    r"""\benv(?:\.(?:bool|list|int|db|cache|email|path))?\(\s*["']([A-Z][A-Z0-9_]*)["']"""
)
# The same with nothing after the name: no default, so the variable is required.
ENV_REQUIRED = re.compile(
    r"""\benv(?:\.(?:bool|list|int|db|cache|email|path))?\(\s*["']([A-Z][A-Z0-9_]*)["']\s*\)"""
)
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}
INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def interpolate(value, given=None):
    """Resolve compose's ${...} the way `docker compose` would with `given` as the shell."""
    given = given or {}

    def resolve(match):
        name, operator, argument = match.groups()
        if name in given:
            return given[name]
        if operator in (":-", "-"):
            return argument
        return f"placeholder-{name.lower().replace('_', '-')}"

    return INTERPOLATION.sub(resolve, str(value))


def settings_modules_loaded_by(module):
    """The settings files `module` reads: itself and what it imports from `.x` (transitively)."""
    seen = []
    pending = [module]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.append(name)
        source = (SETTINGS_DIR / f"{name}.py").read_text()
        pending.extend(re.findall(r"^from \.(\w+) import", source, flags=re.MULTILINE))
    return [SETTINGS_DIR / f"{name}.py" for name in seen]


def env_names(paths, pattern=ENV_READ):
    names = set()
    for path in paths:
        names.update(pattern.findall(path.read_text()))
    return names


def command_text(service):
    command = service["command"]
    return command if isinstance(command, str) else shlex.join(command)


def dockerfile_instructions():
    """(INSTRUCTION, arguments) pairs, with line continuations joined and comments dropped."""
    instructions = []
    current = ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        current += " " + stripped.removesuffix("\\") if current else stripped.removesuffix("\\")
        if not stripped.endswith("\\"):
            keyword, _, arguments = current.partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
            current = ""
    return instructions


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def app_environment(services, name):
    environment = services[name]["environment"]
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    return {key: str(value) for key, value in environment.items()}


# (a) the services


def test_compose_has_the_services(services):
    assert {"db", "redis", "web", "worker", "beat"} <= set(services)
    assert str(services["db"]["image"]).startswith("postgres:16")
    assert str(services["redis"]["image"]).startswith("redis:7")
    for name in APP_SERVICES:
        assert services[name]["build"] in (".", {"context": "."}), name


def test_services_wait_for_healthy_db_and_redis(services):
    for name in ("db", "redis"):
        assert services[name].get("healthcheck", {}).get("test"), name
    assert "pg_isready" in str(services["db"]["healthcheck"]["test"])
    for name in APP_SERVICES:
        depends_on = services[name]["depends_on"]
        for dependency in ("db", "redis"):
            assert depends_on[dependency]["condition"] == "service_healthy", (name, dependency)


def test_app_services_share_one_environment(services):
    environments = [app_environment(services, name) for name in APP_SERVICES]
    assert environments[0] == environments[1] == environments[2]


def test_media_volume_on_web_and_worker_at_media_root(services):
    media_root = app_environment(services, "web").get("MEDIA_ROOT", "/app/media")
    for name in ("web", "worker"):
        mounts = [str(volume).split(":") for volume in services[name].get("volumes", [])]
        assert [source for source, target, *_ in mounts if target == media_root], name


# (b) the commands


def test_web_runs_migrate_then_gunicorn_on_the_wsgi_application(services):
    command = command_text(services["web"])
    assert "migrate" in command
    assert command.index("migrate") < command.index("gunicorn")
    match = re.search(r"gunicorn\s+([\w.]+):(\w+)", command)
    assert match, command
    module, attribute = match.groups()
    assert (module, attribute) == ("samverkan.wsgi", "application")
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin
    assert re.search(rf"^{attribute}\s*=", Path(spec.origin).read_text(), flags=re.MULTILINE)
    assert "0.0.0.0:8000" in command


@pytest.mark.parametrize("kind", ["worker", "beat"])
def test_celery_services_run_the_samverkan_app(services, kind):
    command = command_text(services[kind])
    assert re.search(rf"\bcelery\s+-A\s+samverkan\s+{kind}\b", command), command

    from celery import Celery
    from celery.app.utils import find_app

    import samverkan.celery

    assert isinstance(samverkan.celery.app, Celery)
    assert find_app("samverkan") is samverkan.celery.app


def test_beat_schedule_file_is_on_a_volume(services):
    command = command_text(services["beat"])
    match = re.search(r"(?:--schedule[= ]|-s\s+)(\S+)", command)
    assert match, "beat needs --schedule in a writable place (the app directory is read-only)"
    schedule_dir = str(Path(match.group(1)).parent)
    targets = [str(volume).split(":")[1] for volume in services["beat"].get("volumes", [])]
    assert schedule_dir in targets


# (c) the environment


def test_compose_gives_only_variables_the_settings_read(services):
    read = env_names(SETTINGS_DIR.glob("*.py"))
    for name in APP_SERVICES:
        given = set(app_environment(services, name))
        unknown = given - read - {"DJANGO_SETTINGS_MODULE"}
        assert not unknown, f"{name} sets variables no setting reads: {sorted(unknown)}"


def test_compose_gives_what_production_requires(services):
    required = env_names(settings_modules_loaded_by("production"), ENV_REQUIRED)
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL"} <= required
    for name in APP_SERVICES:
        environment = app_environment(services, name)
        missing = required - set(environment)
        assert not missing, f"{name} lacks required variables: {sorted(missing)}"
        for variable in required:
            assert interpolate(environment[variable]).strip(), (name, variable)


def test_secret_key_comes_from_the_environment_and_is_required(services):
    value = app_environment(services, "web")["SECRET_KEY"]
    assert re.fullmatch(r"\$\{SECRET_KEY:?\?[^}]*\}", value), value


# (d) the settings module


def test_django_settings_module_exists(services):
    for name in APP_SERVICES:
        module = app_environment(services, name)["DJANGO_SETTINGS_MODULE"]
        assert module == "samverkan.settings.production"
        assert importlib.util.find_spec(module) is not None


# (e) hosts


def test_urls_point_at_the_compose_services(services):
    environment = {
        key: interpolate(value) for key, value in app_environment(services, "web").items()
    }
    database = urlsplit(environment["DATABASE_URL"])
    assert database.scheme in ("postgres", "postgresql", "pgsql")
    assert (database.hostname, database.port) == ("db", 5432)
    db_env = {key: interpolate(value) for key, value in services["db"]["environment"].items()}
    assert database.username == db_env["POSTGRES_USER"]
    assert database.password == db_env["POSTGRES_PASSWORD"]
    assert database.path.lstrip("/") == db_env["POSTGRES_DB"]

    for variable in ("CELERY_BROKER_URL", "CACHE_URL"):
        url = urlsplit(environment[variable])
        assert url.hostname == "redis", variable
        assert "redis" in url.scheme, variable


# (f) Django's deployment checks


def _check_deploy(environment):
    # Only the variables under test, so nothing from this shell leaks in.
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    env = {key: os.environ[key] for key in keep if key in os.environ}
    env.update(environment)
    env["DJANGO_SETTINGS_MODULE"] = "samverkan.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _assert_deploy_check_passes(result):
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output, output
    assert "ERRORS" not in output, output


def test_check_deploy_passes_with_production_settings():
    result = _check_deploy(
        {
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "samverkan.example.se",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/samverkan",
            "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        }
    )
    _assert_deploy_check_passes(result)


def test_check_deploy_passes_with_the_compose_environment(services):
    """The defaults compose fills in (SSL redirect, e-mail, cache) pass the checks too."""
    shell = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "samverkan.example.se",
        "POSTGRES_PASSWORD": "a-good-password",
    }
    environment = {
        key: interpolate(value, shell) for key, value in app_environment(services, "web").items()
    }
    _assert_deploy_check_passes(_check_deploy(environment))


# (g) the Dockerfile


def test_dockerfile_never_installs_playwright_browsers():
    text = DOCKERFILE.read_text()
    assert not re.search(r"playwright\s+install", text)
    runs = " ".join(
        arguments for keyword, arguments in dockerfile_instructions() if keyword == "RUN"
    )
    assert "playwright" not in runs.lower()


def test_dockerfile_installs_xstatic_before_the_requirements():
    runs = [arguments for keyword, arguments in dockerfile_instructions() if keyword == "RUN"]
    text = "\n".join(runs)
    setuptools = text.find("setuptools<81")
    xstatic = re.search(r"pip install --no-build-isolation (XStatic-Bootstrap==\S+)", text)
    requirements = text.find("pip install -r requirements.txt")
    assert setuptools != -1 and xstatic and requirements != -1, text
    assert setuptools < xstatic.start() < requirements

    # The same pin as requirements.txt, so pip does not try to rebuild it in isolation.
    pins = (BASE_DIR / "requirements.txt").read_text().lower()
    assert xstatic.group(1).lower() in pins.split()


def test_dockerfile_production_shape():
    instructions = dockerfile_instructions()
    keywords = [keyword for keyword, _ in instructions]
    assert instructions[0] == ("FROM", "python:3.11-slim")
    assert ("EXPOSE", "8000") in instructions

    runs = [arguments for keyword, arguments in instructions if keyword == "RUN"]
    apt = next(run for run in runs if "apt-get install" in run)
    assert "--no-install-recommends" in apt
    for package in (
        "gettext",
        "graphviz",
        "libpango-1.0-0",
        "libpangoft2-1.0-0",
        "libharfbuzz-subset0",
        "fonts-dejavu-core",
    ):
        assert package in apt.split(), package
    assert any("pybabel compile -d locale -D django" in run for run in runs)
    collectstatic = next(run for run in runs if "collectstatic" in run)
    assert "--noinput" in collectstatic

    # Build-time dummies live in the RUN line only: never ENV or ARG (those persist).
    persisted = " ".join(args for keyword, args in instructions if keyword in ("ENV", "ARG"))
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL"):
        assert name in collectstatic, name
        assert name not in persisted, name
    assert "DJANGO_SETTINGS_MODULE=samverkan.settings.production" in persisted

    # A non-root user before the command.
    user = [args for keyword, args in instructions if keyword == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert keywords.index("USER") < keywords.index("CMD")
    cmd = next(args for keyword, args in instructions if keyword == "CMD")
    assert "gunicorn" in cmd and "samverkan.wsgi:application" in cmd and "0.0.0.0:8000" in cmd


def test_translation_catalogues_are_not_marked_fuzzy():
    """pybabel compile silently skips a catalogue whose header is marked fuzzy."""
    catalogues = sorted((BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po"))
    if not catalogues:
        pytest.skip("no translation catalogues yet")
    for catalogue in catalogues:
        header = catalogue.read_text(encoding="utf-8").split('msgid ""', 1)[0]
        assert "#, fuzzy" not in header, f"{catalogue}: remove '#, fuzzy' from the header"
