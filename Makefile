# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
TEST_ENV := DJANGO_SETTINGS_MODULE=samverkan.settings.test
# Parallel by default (xdist: each worker gets a test database of its own).
PYTEST_ARGS ?= -n auto

.PHONY: run test security lint messages install install-dev check-services system-packages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# XStatic-Bootstrap's sdist needs pkg_resources, gone from setuptools 81: build it without isolation.
$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet "setuptools<81" wheel
	$(BIN)/pip install --quiet --no-build-isolation XStatic-Bootstrap==5.3.8.0
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Babel compiles the catalogues in pure Python, so no gettext is needed.
messages: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d locale -D django

run: install messages
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

check-services: $(VENV)/.installed-dev
	$(TEST_ENV) $(BIN)/python scripts/check_services.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/vulture
	DATABASE_URL=sqlite:///:memory: $(TEST_ENV) $(MANAGE) makemigrations --check --dry-run

# The Debian packages the suite needs: installs them as root, otherwise says the command.
# First, so that a fresh machine hears about them before anything slow. `make run` needs none.
system-packages:
	bash scripts/system-packages test

test: system-packages install-dev messages check-services lint node_modules/axe-core/axe.min.js
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

# The security suite alone (SECURITY-ASVS.md maps each ASVS level 2 requirement to its test):
# every URL as every role, personal data, sessions and lockout, two factors, e-ID against a
# real provider process, error pages and headers. `make test` runs these too.
SECURITY_TESTS := tests/security tests/samverkan/accounts tests/two_factor tests/oidc \
	tests/samverkan/test_headers.py tests/samverkan/test_error_pages.py \
	tests/samverkan/test_auth.py tests/samverkan/test_deployment.py \
	tests/samverkan/test_admin_readonly.py tests/kernel/test_field_bounds.py \
	tests/forums/test_organisation_changes.py tests/mandates/test_import_limits.py \
	tests/e2e/test_accounts.py tests/e2e/test_two_factor.py tests/e2e/test_eid_sign_in.py \
	tests/e2e/test_error_pages_and_csp.py

security: system-packages install-dev messages check-services node_modules/axe-core/axe.min.js
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS) $(SECURITY_TESTS)

clean:
	rm -rf $(VENV) staticfiles node_modules db.sqlite3
