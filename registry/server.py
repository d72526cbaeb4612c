"""The registry's process: the /v1 API and the counter's Flet page in one FastAPI app."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import fastapi

from registry import api
from registry.context import Registry
from registry.database import make_engine, migrate
from registry.demo import seed_demo
from registry.settings import Settings
from shared.clock import Clock, system_clock

log = logging.getLogger(__name__)


def open_registry(settings: Settings, clock: Clock = system_clock) -> Registry:
    """The engine, migrated to the latest schema, with the demo people seeded on first start."""
    engine = make_engine(settings.database_url)
    migrate(engine)
    if seed_demo(engine):
        log.info("registry seeded with the demo accounts and agent")
    return Registry(engine=engine, settings=settings, clock=clock)


@asynccontextmanager
async def _with_counter_sessions(_: fastapi.FastAPI) -> AsyncIterator[None]:
    """Flet's session manager runs as long as the app (the page's sessions live there)."""
    from flet_web.fastapi import app_manager

    await app_manager.start()
    try:
        yield
    finally:
        await app_manager.shutdown()


def create_app(registry: Registry, counter: bool = True) -> fastapi.FastAPI:
    """The API under /v1 (its OpenAPI document at /v1/openapi.json), the counter page at /."""
    app = fastapi.FastAPI(
        title="Registre des procurations",
        version="1",
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
        lifespan=_with_counter_sessions if counter else None,
    )
    api.install(app, registry)
    if counter:
        from registry.counter import mount_counter

        mount_counter(app, registry)
    return app
