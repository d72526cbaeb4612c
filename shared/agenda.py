"""The procuration's last day as a calendar file (RFC 5545), with an alarm the day before."""

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from shared import strings
from shared.clock import full_date
from shared.models import Procuration
from shared.reference import format_reference

PRODID = "-//Procuration en ligne//Procuration//FR"
# The event is the whole last day (a date, no time zone); the alarm rings at 09:00 the day
# before, 15 hours before that day starts, rather than at midnight.
ALARM_BEFORE = timedelta(hours=15)


def procuration_ics(procuration: Procuration, made_at: datetime) -> bytes:
    """One all-day event on the last valid day (Europe/Paris), its UID taken from the reference."""
    qui = procuration.mandataire.short_name()
    fin = full_date(procuration.valid_until)
    reference = format_reference(procuration.reference)
    event = Event()
    event.add("uid", f"{procuration.reference}@procuration-en-ligne")
    event.add("dtstamp", made_at.astimezone(UTC))
    event.add("dtstart", procuration.valid_until)
    event.add("dtend", procuration.valid_until + timedelta(days=1))
    event.add("summary", strings.AGENDA_SUMMARY.format(qui=qui))
    event.add(
        "description", strings.AGENDA_DESCRIPTION.format(qui=qui, fin=fin, reference=reference)
    )
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -ALARM_BEFORE)
    alarm.add("description", strings.AGENDA_ALARM.format(qui=qui, fin=fin))
    event.add_component(alarm)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Read by Google, Apple and Outlook calendars as the calendar's time zone.
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add_component(event)
    ics: bytes = calendar.to_ical()
    return ics
