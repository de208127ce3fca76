"""An audit line when someone opens personal data in bulk or a signed document (ASVS 8.3.5).

The line says who (the user's pk and username), what (a short kind) and which object (its
label and pk); never the data itself. It goes to the `samverkan.audit` logger, which the
deployment sends where it keeps its logs (the root handler by default).
"""

import logging

logger = logging.getLogger("samverkan.audit")


def personal_data_opened(*, user, what, obj):
    logger.info(
        "personal data opened: %s %s pk=%s by user pk=%s (%s)",
        what,
        obj._meta.label,
        obj.pk,
        user.pk,
        user.get_username(),
    )
