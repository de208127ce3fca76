"""Helpers shared by the test_views modules."""

import re


def field_error(response, field):
    """The error text crispy shows next to a field, or None."""
    html = response.content.decode()
    match = re.search(
        rf'<(?:span|p|div) id="error_1_id_{re.escape(field)}"[^>]*>(.*?)</(?:span|p|div)>',
        html,
        re.S,
    )
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else None
