"""The registry's schema: the Alembic migrations make exactly the tables the queries use."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from registry import tables
from tests.registry_process import RegistryProcess


def test_the_migrations_make_exactly_the_tables_the_queries_use(registry: RegistryProcess):
    engine = registry.engine()
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, tables.metadata) == []
            assert context.get_current_revision() == "0001"
    finally:
        engine.dispose()
