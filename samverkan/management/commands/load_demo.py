"""`manage.py load_demo`: load the demo structures, people and a year of meetings."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data (four collaboration structures, invented people, meetings, "
        "cases and reports) and print the demo logins. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--complete",
            action="store_true",
            help="Walk the whole data set even when the demo is loaded and add what is missing.",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            # The demo logins have printed, known passwords: never on a real portal.
            raise CommandError(
                "Demo data is not allowed here (DEMO_DATA_ALLOWED is off, as in production)."
            )
        started = time.monotonic()
        result = load_demo(complete=options["complete"])
        elapsed = time.monotonic() - started
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {elapsed:.1f} s."))
        else:
            self.stdout.write(f"Demo data already loaded; logins checked in {elapsed:.1f} s.")
        rows = [("username", "password", "what")] + list(result.logins)
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        self.stdout.write("")
        self.stdout.write("Demo logins:")
        for n, (username, password, what) in enumerate(rows):
            self.stdout.write(f"  {username:<{widths[0]}}  {password:<{widths[1]}}  {what}")
            if n == 0:
                self.stdout.write(f"  {'-' * widths[0]}  {'-' * widths[1]}  {'-' * len(what)}")
