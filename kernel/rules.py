"""The rules registry, in the spirit of Django's system-check framework.

A rule of the domain (DOMAIN.md R1..R19) is one function registered with what it is:

    @register(code="R7", title=_("Co-opted people"), clause=_("seed 000, “Strategisk nivå”"),
              level=HARD, scope=MANDATE)
    def co_opted_scope(proposal):
        if ...:
            yield Finding(_("A co-opted person ..."), code="co_opted_scope", field="scope")

- `code` names the rule in DOMAIN.md ("R5"); several registered checks may share a code
  where one rule has parts from different clauses or scopes (R10: the linked forum's
  chair, and the rotation). The code is for code and tests, never for the user.
- `title` (translatable) and `clause` (the seed clause it comes from, translatable) are
  what the user reads.
- `level`: HARD refuses the write, SOFT warns. A finding is at its rule's level unless it
  says otherwise: a hard rule warns when it cannot decide (a party is not known).
- `scope`: what the function checks. MANDATE: a mandate as it would be saved (the function
  gets the proposal); FORUM: forums as they stand on a day (the function gets all the forums
  of the page at once, so that it reads in a fixed number of queries).

`run_rules(scope, *args, **kwargs)` calls every rule of the scope with the arguments and
returns their findings, each stamped with its rule. `raise_for_hard(findings)` refuses a
write: a ValidationError with each hard finding under its field (code "R5.seats_overfilled",
so that code and tests can tell which rule refused without reading the message).
"""

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, replace

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

HARD = "hard"
SOFT = "soft"
LEVELS = (HARD, SOFT)

MANDATE = "mandate"
FORUM = "forum"
SCOPES = {
    MANDATE: _("a mandate when it is saved"),
    FORUM: _("each forum, every day"),
}


@dataclass(frozen=True)
class Finding:
    """What a rule says about one object: a message for the user, at a level.

    `message` is user-facing and translated; it names no rule code. `code` says exactly
    what was found ("seats_overfilled"), for code and tests. `obj` is the object concerned;
    `field` the form field a refusal belongs to.
    """

    message: str
    code: str = ""
    level: str | None = None  # None: the rule's level (run_rules fills it in)
    obj: object = dataclasses.field(default=None, compare=False)
    field: str | None = None
    rule: str = ""  # the rule's code, filled in by run_rules
    source: "Rule | None" = dataclasses.field(default=None, compare=False, repr=False)

    @property
    def is_hard(self):
        return self.level == HARD

    @property
    def severity(self):
        return self.level

    @property
    def id(self):
        """The rule and what it found, e.g. "R5.seats_overfilled"."""
        return ".".join(part for part in (self.rule, self.code) if part)

    @property
    def title(self):
        return self.source.title if self.source else ""

    @property
    def clause(self):
        return self.source.clause if self.source else ""

    def __str__(self):
        return str(self.message)


@dataclass(frozen=True, eq=False)
class Rule:
    code: str
    title: str
    clause: str
    level: str
    scope: str
    check: object  # the function that returns (or yields) findings
    name: str = ""

    @property
    def is_hard(self):
        return self.level == HARD

    @property
    def scope_label(self):
        return SCOPES.get(self.scope, self.scope)

    @property
    def sort_key(self):
        digits = "".join(ch for ch in self.code if ch.isdigit())
        return (int(digits) if digits else 0, self.code)

    def __call__(self, *args, **kwargs):
        return self.run(*args, **kwargs)

    def run(self, *args, **kwargs):
        """The rule's findings, each stamped with the rule (and its level where unset)."""
        return [
            replace(
                finding,
                rule=self.code,
                level=finding.level or self.level,
                source=self,
            )
            for finding in self.check(*args, **kwargs) or ()
        ]


class RuleRegistry:
    def __init__(self):
        self._rules = {}

    def register(self, *, code, title, clause, level, scope):
        """Decorator: register the function as a rule; returns the Rule (callable)."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
        if not code or not clause or not title:
            raise ValueError("a rule needs a code, a title and the clause it comes from")

        def decorator(check):
            name = f"{check.__module__}.{check.__qualname__}"
            rule = Rule(code, title, clause, level, scope, check, name)
            self._rules[name] = rule  # registering again (a reload) replaces it
            return rule

        return decorator

    def rules(self, scope=None):
        """Registered rules in code order (R5 before R10), in registration order within."""
        found = [rule for rule in self._rules.values() if scope is None or rule.scope == scope]
        order = {name: index for index, name in enumerate(self._rules)}
        return sorted(found, key=lambda rule: (rule.sort_key, order[rule.name]))

    def run(self, scope, *args, **kwargs):
        findings = []
        for rule in self.rules(scope):
            findings.extend(rule.run(*args, **kwargs))
        return findings


registry = RuleRegistry()
register = registry.register
run_rules = registry.run
registered_rules = registry.rules


@dataclass(eq=False)
class CatalogueEntry:
    """One rule as the user reads it: its title and clause, what it checks, and the findings
    of a page that it made. The checks registered under one code and title (R5 on a mandate
    and on a forum) are one entry."""

    code: str
    title: str
    clause: str
    rules: list = dataclasses.field(default_factory=list)
    findings: list = dataclasses.field(default_factory=list)

    @property
    def refuses(self):
        return any(rule.is_hard for rule in self.rules)

    @property
    def warns(self):
        return any(not rule.is_hard for rule in self.rules)

    @property
    def scope_labels(self):
        labels = []
        for rule in self.rules:
            if rule.scope_label not in labels:
                labels.append(rule.scope_label)
        return labels

    @property
    def hard_count(self):
        return sum(finding.is_hard for finding in self.findings)

    @property
    def soft_count(self):
        return sum(not finding.is_hard for finding in self.findings)


def catalogue(findings=(), *, rules=None):
    """Every registered rule as an entry, in code order, with the given findings it made."""
    entries = {}
    entry_of_rule = {}
    for rule in registry.rules() if rules is None else rules:
        key = (rule.code, str(rule.title))
        entry = entries.setdefault(key, CatalogueEntry(rule.code, rule.title, rule.clause))
        entry.rules.append(rule)
        entry_of_rule[rule.name] = entry
    for finding in findings:
        entry = entry_of_rule.get(finding.source.name) if finding.source else None
        if entry is not None:
            entry.findings.append(finding)
    return list(entries.values())


def hard_findings(findings):
    return [finding for finding in findings if finding.is_hard]


def soft_findings(findings):
    return [finding for finding in findings if not finding.is_hard]


def raise_for_hard(findings):
    """Refuse the write: a ValidationError with each hard finding under its field."""
    errors = defaultdict(list)
    for finding in hard_findings(findings):
        errors[finding.field or NON_FIELD_ERRORS].append(
            ValidationError(str(finding.message), code=finding.id)
        )
    if errors:
        raise ValidationError(dict(errors))
