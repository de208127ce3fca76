"""A direction document (inriktningsdokument) of Partnerskapet's tactical group, between
Socialstyrelsen and its operative group for national knowledge support (seed 003: the
tactical group decides the direction of the cooperation). Version 1 is adopted."""

from datetime import timedelta

from cycle.models import DirectionDocument, DirectionDocumentVersion
from meetings.models import Meeting

DIRECTION_FORUM = "pks-samordningsgrupp"
DIRECTION_GROUP = "pks-op-kunskapsstod"
DIRECTION_AGENCY = "socialstyrelsen"
DIRECTION_TITLE = "Inriktningsdokument för samverkan om nationella kunskapsstöd"
# ANTAGANDE: a plausible text; the seed says only that the tactical group decides it.
DIRECTION_TEXT = "\n".join(
    (
        "Syfte",
        "Socialstyrelsen och den operativa gruppen för nationella kunskapsstöd samverkar för "
        "att öka behovsanpassningen och genomslaget av de nationella kunskapsstöden.",
        "",
        "Former för samverkan",
        "Gruppen träffas minst fyra gånger om året. Socialstyrelsen svarar för underlag och "
        "sammankallar.",
        "",
        "Uppföljning",
        "Samverkan följs upp årligen av den taktiska samordningsgruppen.",
    )
)


class CycleDirectionMixin:
    def _direction_documents(self):
        forum = self.forums[DIRECTION_FORUM]
        document, _ = self._obtain(
            DirectionDocument,
            None,
            forum=forum,
            agency=self.organisations[DIRECTION_AGENCY],
            group=self.forums[DIRECTION_GROUP],
            defaults={"title": DIRECTION_TITLE, "created_by": self.system},
        )
        # Adopted at the group's first held meeting of the year. ANTAGANDE: recorded after
        # the fact, so the version names no agenda item (the meeting's sealed minutes stay
        # as they are).
        held = (
            Meeting.objects.filter(forum=forum, status=Meeting.Status.HELD)
            .order_by("starts_at")
            .first()
        )
        adopted_at = held.ends_at if held else self.now
        self._obtain(
            DirectionDocumentVersion,
            document,
            document=document,
            number=1,
            defaults={
                "text": DIRECTION_TEXT,
                "review_on": (adopted_at + timedelta(days=365)).date(),
                "status": DirectionDocumentVersion.Status.ADOPTED,
                "adopted_at": adopted_at,
                "created_by": self.system,
            },
        )
