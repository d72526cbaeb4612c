"""The registry's tests run twice: on SQLite and on a throwaway PostgreSQL cluster."""

from collections.abc import Iterator

import httpx
import pytest

from tests.registry_process import PostgresCluster, RegistryProcess

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh database per module and backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('registry-db') / 'registre.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.new_database(request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture(scope="module")
def registry(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """A registry process on that database, logging at DEBUG to a file."""
    process = RegistryProcess(
        tmp_path_factory.mktemp("registry"), database_url, LOG_LEVEL="DEBUG"
    ).start()
    yield process
    process.stop()


@pytest.fixture
def client(registry: RegistryProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=registry.url + "/v1", timeout=20) as http:
        yield http
