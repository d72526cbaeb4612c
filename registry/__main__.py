"""`python -m registry` serves the API and the counter page on REGISTRY_HOST:REGISTRY_PORT."""

import logging
import os

import uvicorn

from registry.server import create_app, open_registry
from registry.settings import Settings
from shared.logs import keep_private

logging.basicConfig(
    level=os.environ.get("LOG_LEVEL", "INFO"),
    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
)
keep_private()  # the counter page is a Flet app: its sessions are the agents' sign-ins
settings = Settings.from_env()
uvicorn.run(
    create_app(open_registry(settings)),
    host=settings.host,
    port=settings.port,
    log_config=None,
    # No request lines: the database records every check and every change (with who and
    # when), and a line per request would only repeat them, references included.
    access_log=False,
)
