"""The calendar file: RFC 5545 read back by icalendar, the right day in Paris, its alarm."""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from shared import strings
from shared.agenda import procuration_ics
from shared.errors import NoActiveProcuration


def only_event(ics: bytes):
    calendar = Calendar.from_ical(ics)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    [event] = calendar.walk("VEVENT")
    return event


def test_the_event_is_the_whole_last_valid_day_with_an_alarm_the_day_before(
    services, alexis_id, adult_form
):
    granted = services.grant(alexis_id, adult_form)
    download = services.agenda(alexis_id)
    assert (download.name, download.media_type) == (
        f"procuration-{granted.reference[:5]}-{granted.reference[5:]}.ics",
        "text/calendar",
    )
    assert b"DTSTART;VALUE=DATE:20240715\r\n" in download.content
    event = only_event(download.content)
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        date(2024, 7, 15),
        date(2024, 7, 16),
    )
    assert str(event["UID"]) == f"{granted.reference}@procuration-en-ligne"
    assert str(event["SUMMARY"]) == "Fin de la procuration pour M. DUPONT"
    assert "jusqu'au 15/07/2024 inclus" in str(event["DESCRIPTION"])
    [alarm] = event.walk("VALARM")
    trigger = alarm.decoded("TRIGGER")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert trigger < timedelta(0)
    rings = datetime(2024, 7, 15) + trigger
    assert (rings.date(), rings.hour) == (date(2024, 7, 14), 9)


def test_a_procuration_made_on_31_january_2024_in_paris_ends_on_29_february(
    services, clock, alexis_id, adult_form
):
    clock.now = datetime(2024, 1, 30, 23, 30, tzinfo=UTC)  # 00:30 on 31 January in Paris
    services.grant(alexis_id, adult_form)
    event = only_event(services.agenda(alexis_id).content)
    assert event.decoded("DTSTART") == date(2024, 2, 29)
    assert "29/02/2024" in str(event["DESCRIPTION"])


def test_the_file_is_made_from_the_procuration_alone(services, alexis_id, adult_form):
    granted = services.grant(alexis_id, adult_form)
    made = datetime(2024, 6, 15, 10, tzinfo=UTC)
    assert procuration_ics(granted, made) == services.agenda(alexis_id).content
    assert only_event(procuration_ics(granted, made)).decoded("DTSTAMP") == made


def test_no_calendar_file_without_an_active_procuration(services, alexis_id, adult_form):
    with pytest.raises(NoActiveProcuration):
        services.agenda(alexis_id)
    services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    with pytest.raises(NoActiveProcuration) as refused:
        services.agenda(alexis_id)
    assert refused.value.message == strings.NO_DOCUMENT
