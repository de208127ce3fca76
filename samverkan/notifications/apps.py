from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "samverkan.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from kernel.models import Notification

        from . import unread

        post_save.connect(unread.on_notification_changed, sender=Notification)
        post_delete.connect(unread.on_notification_changed, sender=Notification)
        user_logged_in.connect(unread.on_signed_in)
