"""R7: representation can vary with the question: co-opted people per agenda item.

Seed 000 ("Strategisk nivå"): "Representation kan behöva justeras beroende på fråga som ska
behandlas." A co-opted person joins for named items or a question, so the mandate names
them (hard).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.rules import HARD, MANDATE, register

from .state import Role


@register(
    code="R7",
    title=gettext_lazy("Co-opted people join for named questions"),
    clause=gettext_lazy("seed 000, “Strategisk nivå”"),
    level=HARD,
    scope=MANDATE,
)
def co_opted_scope(proposal):
    if proposal.role == Role.CO_OPTED and not proposal.candidate.scope.strip():
        yield proposal.finding(
            _(
                "A co-opted person joins for named agenda items or a question: name them in the "
                "scope."
            ),
            code="co_opted_scope",
            field="scope",
        )
