"""A file the person downloads or shares: its name, its media type and its bytes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Download:
    name: str
    media_type: str
    content: bytes
