"""Visible strings of apps that ship no Swedish catalogue (simple-history, axes, guardian).

Listing them here lets `makemessages` put them in locale/sv, whose catalogue Django prefers
over the apps' own. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

SIMPLE_HISTORY = [
    gettext_noop("Change history: %s"),
    gettext_noop('The %(name)s "%(obj)s" was changed successfully.'),
    gettext_noop("You may edit it again below"),
    gettext_noop("Revert %s"),
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    gettext_noop("This object doesn't have a change history."),
    gettext_noop("History"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Or press the 'Change History' button to edit the history."),
    gettext_noop("Object"),
    gettext_noop("Date/time"),
    gettext_noop("Comment"),
    gettext_noop("Changed by"),
    gettext_noop("Change reason"),
    gettext_noop("None"),
    gettext_noop("Revert"),
    gettext_noop("Change History"),
]

AXES = [
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    ngettext_lazy("access failure", "access failures", 2),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("Logout Time"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
]

GUARDIAN = [
    gettext_noop("Permissions"),
    gettext_noop("Object permissions"),
    gettext_noop("Permissions saved."),
    gettext_noop("User identification"),
    gettext_noop("This user does not exist"),
    gettext_noop("Enter a value compatible with User.USERNAME_FIELD"),
    gettext_noop("This group does not exist"),
    gettext_noop("object ID"),
    gettext_noop("Users"),
    gettext_noop("User permissions"),
    gettext_noop("User"),
    gettext_noop("Action"),
    gettext_noop("Edit"),
    gettext_noop("Manage user"),
    gettext_noop("Groups"),
    gettext_noop("Group permissions"),
    gettext_noop("Group"),
    gettext_noop("Manage group"),
    gettext_noop("Save"),
    gettext_noop("Please correct the error below."),
    gettext_noop("Please correct the errors below."),
]
