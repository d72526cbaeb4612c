"""Alembic's environment: always given an open connection by registry.database.migrate."""

from alembic import context

from registry.tables import metadata

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
