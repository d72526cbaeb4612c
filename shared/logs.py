"""What the processes' logs must not hold: Flet's session keys (the app's and the counter's)."""

import logging
import re

# Flet's session lines end with the session's key (« Session disconnected: <key> »): whoever
# reads it could open the session from another browser. The key is replaced.
_SESSION_KEY = re.compile(r"(?i)(session[^:]*:\s*).+$")
_FLET_LOGGERS = ("flet", "flet_web.fastapi")


class _HideSessionKeys(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if "ession" in text:
            record.msg, record.args = _SESSION_KEY.sub(r"\1[clé masquée]", text), ()
        return True


def hide_session_keys() -> None:
    """Mask the key in every session line of Flet's loggers, in this process."""
    for name in _FLET_LOGGERS:
        logging.getLogger(name).addFilter(_HideSessionKeys())
