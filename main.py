"""Entry point that `flet build` and `flet run` look for at the app root."""

from mobile.app import run

run()
