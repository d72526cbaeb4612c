"""What the processes' logs must not hold: Flet's session keys, the procurations' references."""

import logging
import re

# Flet's session lines end with the session's key (« Session disconnected: <key> »): whoever
# reads it could open the session from another browser. The key is replaced.
_SESSION_KEY = re.compile(r"(?i)(session[^:]*:\s*).+$")
_FLET_LOGGERS = ("flet", "flet_web.fastapi")
# httpx logs each request's URL at INFO, and a revocation's URL holds the procuration's
# reference, which is all the counter asks for: only their warnings are kept.
_HTTP_CLIENT_LOGGERS = ("httpx", "httpcore")


class _HideSessionKeys(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if "ession" in text:
            record.msg, record.args = _SESSION_KEY.sub(r"\1[clé masquée]", text), ()
        return True


def keep_private() -> None:
    """In this process: mask the key in Flet's session lines, drop httpx's request lines."""
    for name in _FLET_LOGGERS:
        logging.getLogger(name).addFilter(_HideSessionKeys())
    for name in _HTTP_CLIENT_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
