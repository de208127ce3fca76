"""What happens elsewhere when a forum records a decision.

The apps above meetings (the yearly cycle adopts a plan or a report by a decision item)
register a listener in their AppConfig.ready(); `decision_record` calls every listener in
its own transaction, after the decision is saved, so a refusal rolls the decision back too.
"""

_listeners = []


def on_decision_recorded(listener):
    """Decorator: `listener(*, actor, decision)` runs for every decision recorded."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def decision_recorded(*, actor, decision):
    for listener in _listeners:
        listener(actor=actor, decision=decision)
