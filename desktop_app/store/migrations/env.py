"""Alembic environment: runs on the connection the store hands over, in one transaction."""

from __future__ import annotations

from alembic import context

from desktop_app.store import insight_models  # noqa: F401  (its tables join Base.metadata)
from desktop_app.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes a connection
    raise RuntimeError("NetWise migrations run only through desktop_app.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    transaction_per_migration=False,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
