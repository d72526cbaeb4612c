"""`python -m mobile` serves or opens the app."""

from mobile.app import run

run()
