"""The preferences form: for each kind of notice, how the person hears of it."""

from django import forms

from kernel.models import Notification, NotificationPreference


class NotificationPreferencesForm(forms.Form):
    """One choice per kind; the service (`notification_preferences_save`) writes them."""

    def __init__(self, *args, deliveries, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Notification.Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=NotificationPreference.Channel.choices,
                initial=deliveries[kind.value],
                widget=forms.RadioSelect,
            )

    def deliveries(self):
        return {kind.value: self.cleaned_data[kind.value] for kind in Notification.Kind}
