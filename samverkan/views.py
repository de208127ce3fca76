from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from escalation.selectors import case_list_raised_or_followed_by
from forums.selectors import structure_list_run_by
from mandates.selectors import mandate_list_current_for_person
from meetings.inbox import mandate_abilities

from .inbox import inbox_for


@login_required
def dashboard(request):
    """The start page after login: the work waiting for the user (per role, coming meetings
    and action items included), then their structures, forums, mandates and cases."""
    user = request.user
    mandates = list(mandate_list_current_for_person(user=user))
    for mandate in mandates:
        mandate.abilities = mandate_abilities(mandate)
    forums = list({mandate.forum_id: mandate.forum for mandate in mandates}.values())
    context = {
        "inbox": inbox_for(user, session=request.session),
        "mandates": mandates,
        "forums": forums,
        "structures": structure_list_run_by(user=user),
        "cases": case_list_raised_or_followed_by(user=user),
    }
    return render(request, "samverkan/dashboard.html", context)
