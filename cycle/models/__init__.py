"""The yearly cycle's models, one module per topic."""

from .adoption import AdoptedByDecision
from .direction import DirectionDocument, DirectionDocumentVersion
from .plans import ActionPlan, Activity
from .priorities import PriorityArea, PrioritySet
from .reports import AnnualReport, AnnualReportSeal

__all__ = [
    "ActionPlan",
    "Activity",
    "AdoptedByDecision",
    "AnnualReport",
    "AnnualReportSeal",
    "DirectionDocument",
    "DirectionDocumentVersion",
    "PriorityArea",
    "PrioritySet",
]
