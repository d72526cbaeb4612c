"""What every use case of the registry is given: the engine, its own clock, its settings."""

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from registry.settings import Settings
from shared.clock import Clock, paris_date, system_clock


@dataclass(frozen=True)
class Registry:
    engine: sa.Engine
    settings: Settings
    clock: Clock = field(default=system_clock)

    def today(self) -> date:
        """Today in Europe/Paris, by the registry's clock (never the app's)."""
        return paris_date(self.clock())
