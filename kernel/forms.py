from django.core.exceptions import NON_FIELD_ERRORS


def attach_service_errors(form, error):
    """Put a service's ValidationError next to the fields it names; the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        target = name if name in form.fields and name != NON_FIELD_ERRORS else None
        for item in errors:
            form.add_error(target, item)
