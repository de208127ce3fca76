"""Winding a forum down (R1), composed from the apps below.

`forums` owns the forum and its wind-down day (`forums.services.forum_wind_down`) and the
page where the day is set; it cannot see cases or meetings. This package, in the top layer,
fills that page with two panels (`forums.panels.WIND_DOWN`): the forum's open cases, each
to be moved to the forum it escalates to, closed with a reason or kept until a day (the
escalation services, so the case history records it), and its meetings after the wind-down
day, to be cancelled with notice to the members (`meetings.services.meeting_cancel`).
"""
