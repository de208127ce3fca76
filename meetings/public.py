"""The public forum page lists the approved minutes of a public forum (as PDFs)."""

from forums.public_sections import PublicSection

from .selectors import approved_minutes_of_forum


def approved_minutes_section(request, forum):
    if not forum.is_public:
        return None
    return PublicSection(
        template_name="meetings/partials/_public_minutes.html",
        context={"minutes_list": approved_minutes_of_forum(forum)},
    )
