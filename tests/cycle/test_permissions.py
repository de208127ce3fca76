"""The yearly cycle's permission matrix: every URL name of the `cycle` namespace, and what
each role gets from it (see tests/matrix.py). Each topic adds its rows."""

import pytest

from tests.matrix import assert_matrix_row, matrix_params

MATRIX = []


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "target", "method", "role", "expected"), matrix_params(MATRIX))
def test_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)
