"""Every URL name of every app appears in that app's permission matrix.

The test walks the URL resolver, so a new view without a row in its app's matrix
(tests/<app>/test_permissions.py) fails here until the matrix says who may open it.
"""

import importlib

import pytest
from django.urls import URLResolver, get_resolver

# namespace -> the test module holding its permission matrix (or matrices)
MATRIX_MODULE = {
    "forums": "tests.forums.test_permissions",
    "public_forums": "tests.forums.test_permissions",
    "mandates": "tests.mandates.test_permissions",
    "people": "tests.mandates.test_permissions",
    "forum_members": "tests.mandates.test_permissions",
    "escalation": "tests.escalation.test_permissions",
    "meetings": "tests.meetings.test_permissions",
    "cycle": "tests.cycle.test_permissions",
    "forum_wind_down": "tests.forums.test_wind_down_permissions",
    "oidc": "tests.oidc.test_permissions",
    "two_factor": "tests.two_factor.test_permissions",
    "accounts": "tests.samverkan.accounts.test_permissions",
    "notifications": "tests.samverkan.notifications.test_permissions",
    "search": "tests.samverkan.search.test_permissions",
    "oparl": "tests.samverkan.oparl.test_permissions",
}
# Namespaces that are not the portal's own apps.
NOT_OURS = {"admin", "djdt"}


def _url_names(resolver, namespace=None):
    """(namespace, 'namespace:name') for every named URL below `resolver`."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if namespace and pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}"
            yield from _url_names(pattern, inner)
        elif pattern.name and namespace:
            yield namespace, f"{namespace}:{pattern.name}"


def _matrix_names(module):
    """The URL names in a module's MATRIX and PUBLIC_MATRIX (dicts by name, or lists of
    tuples whose first item is the name)."""
    names = set()
    for attribute in ("MATRIX", "PUBLIC_MATRIX"):
        matrix = getattr(module, attribute, None)
        if matrix is None:
            continue
        rows = matrix if isinstance(matrix, dict) else [row[0] for row in matrix]
        names.update(rows)
    return names


def test_every_app_namespace_has_a_matrix():
    namespaces = {namespace for namespace, _name in _url_names(get_resolver())}
    assert namespaces - NOT_OURS - set(MATRIX_MODULE) == set()


@pytest.mark.parametrize("namespace", sorted(set(MATRIX_MODULE)))
def test_every_url_name_is_in_its_apps_permission_matrix(namespace):
    names = {name for space, name in _url_names(get_resolver()) if space == namespace}
    assert names, f"no URL names in {namespace!r}"
    in_matrix = _matrix_names(importlib.import_module(MATRIX_MODULE[namespace]))
    missing = sorted(names - in_matrix)
    assert missing == [], f"add these to the matrix in {MATRIX_MODULE[namespace]}"
