"""`manage.py list_rules`: every registered rule with its seed clause, level and scope."""

from django.core.management.base import BaseCommand
from django.utils import translation

from kernel.rules import registered_rules


class Command(BaseCommand):
    help = "List every rule of the registry with the seed clause it comes from."

    def add_arguments(self, parser):
        parser.add_argument("--scope", help="only the rules of this scope (mandate, forum)")
        parser.add_argument("--language", default="en", help="language of titles and clauses")

    def handle(self, *args, scope=None, language="en", **options):
        with translation.override(language):
            for rule in registered_rules(scope):
                self.stdout.write(
                    f"{rule.code:<4} {rule.level:<4} {rule.scope:<7} {rule.title} "
                    f"({rule.clause}) [{rule.name}]"
                )
