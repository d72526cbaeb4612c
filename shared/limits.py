"""The limits on sign-in and on a signed-in session: plain constants, cheap to import (the app's
entry module reads the idle limit before the domain is loaded)."""

from datetime import timedelta

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=30)
# A signed-in session with no action for this long is signed out.
IDLE_LIMIT = timedelta(minutes=15)
