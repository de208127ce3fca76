"""The follow-up of a structure's year: a chart per figure set, each with its table."""

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.visibility import get_visible_or_404

from ..charts import bar_chart_svg
from ..figures import structure_year
from ..permissions import structures_followed_up_by

FIRST_YEAR = 2000
YEARS_AHEAD = 1


def _structure_and_year(request, slug, year):
    last = timezone.localdate().year + YEARS_AHEAD
    if not FIRST_YEAR <= year <= last:
        raise Http404
    structure = get_visible_or_404(structures_followed_up_by(request.user), request.user, slug=slug)
    return structure, list(range(last, FIRST_YEAR - 1, -1))[:8]


def chart_alt(section, structure, year):
    return _(
        "Bar chart: %(caption)s, %(structure)s %(year)s. The same figures are in the table "
        "beside it."
    ) % {"caption": section.tables[0].caption.lower(), "structure": structure.name, "year": year}


@login_required
def follow_up(request, slug, year):
    structure, years = _structure_and_year(request, slug, year)
    picked = request.GET.get("year")
    if picked and picked.isdigit() and int(picked) in years and int(picked) != year:
        return redirect("cycle:follow_up", slug=slug, year=int(picked))
    sections = structure_year(structure, year)
    charts = [(section, chart_alt(section, structure, year)) for section in sections]
    return render(
        request,
        "cycle/follow_up.html",
        {"structure": structure, "year": year, "years": years, "charts": charts},
    )


@login_required
@csp_replace({"style-src": ["'unsafe-inline'"], "script-src": ["'none'"]})
def follow_up_chart(request, slug, year, key):
    """One chart as SVG, shown as an image (its styles are inline in the SVG, no script)."""
    structure, _years = _structure_and_year(request, slug, year)
    sections = {section.key: section for section in structure_year(structure, year)}
    if key not in sections:
        raise Http404
    section = sections[key]
    svg = bar_chart_svg(section.tables[0], title=section.tables[0].caption)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
