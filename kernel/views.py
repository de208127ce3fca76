"""The one way a write view runs: form -> service -> errors -> confirmation and redirect.

A service's ValidationError goes next to the fields it names (the rest above the form); a
DomainError is shown above the form, or, for a button without a form, as an error message on
the page the user is sent back to. PermissionDenied is left to Django (a 403).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from .errors import DomainError
from .forms import attach_service_errors


def _resolve(value, result):
    return value(result) if callable(value) else value


def form_submit(request, form, call, *, success, message="", leave_on=(), failure=None):
    """On a POST with a valid form, call `call(cleaned_data)`.

    Returns a redirect to `success` (a URL, a model instance, or a callable taking the
    service's result) after showing `message` (text or callable), or None when the form is
    to be shown again: not posted, invalid, or refused by the service (errors on the form).
    A refusal of one of the `leave_on` classes (e.g. "it changed meanwhile", when the form
    itself is stale) is shown as an error message on `failure` instead.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except ValidationError as error:
        attach_service_errors(form, error)
        return None
    except DomainError as error:
        if leave_on and isinstance(error, leave_on):
            messages.error(request, str(error))
            return redirect(failure)
        form.add_error(None, str(error))
        return None
    text = _resolve(message, result)
    if text:
        messages.success(request, text)
    return redirect(_resolve(success, result))


def action_submit(request, call, *, success, failure, message=""):
    """A POST button without a form: call the service and redirect.

    On success show `message` and go to `success`; when the service refuses, show why as an
    error and go back to `failure`. Both may be callables of the result (success only).
    """
    try:
        result = call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(failure)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect(failure)
    text = _resolve(message, result)
    if text:
        messages.success(request, text)
    return redirect(_resolve(success, result))
