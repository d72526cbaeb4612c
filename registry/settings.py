"""Where the registry keeps its data and listens: read once from the environment."""

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

DATA_DIR_NAME = "procuration-registre"
DB_NAME = "registre.sqlite3"


def default_data_dir() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / DATA_DIR_NAME


@dataclass(frozen=True)
class Settings:
    """REGISTRY_DATABASE_URL (else SQLite in REGISTRY_DATA_DIR), REGISTRY_HOST, REGISTRY_PORT."""

    database_url: str
    host: str = "127.0.0.1"
    port: int = 8560
    insured_token_lifetime: timedelta = timedelta(minutes=30)
    agent_token_lifetime: timedelta = timedelta(hours=8)

    @classmethod
    def from_env(cls) -> "Settings":
        url = os.environ.get("REGISTRY_DATABASE_URL")
        if not url:
            folder = Path(os.environ.get("REGISTRY_DATA_DIR") or default_data_dir())
            folder.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{folder / DB_NAME}"
        return cls(
            database_url=url,
            host=os.environ.get("REGISTRY_HOST") or "127.0.0.1",
            port=int(os.environ.get("REGISTRY_PORT") or 8560),
        )
