"""Load a settings module in a fresh Python and read values off it: the settings are read
once per process, so another environment needs another process."""

import json
import os
import subprocess
import sys

from django.conf import settings


def probe_settings(code, *, environment, drop=()):
    """Run `code` (which prints one JSON line last) with os.environ minus `drop` plus
    `environment`; return what it printed, decoded."""
    env = {key: value for key, value in os.environ.items() if key not in drop}
    env.update(environment)
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])
