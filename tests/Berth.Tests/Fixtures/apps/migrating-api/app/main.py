"""Ledger API: its schema is Alembic's (alembic.ini, migrations/)."""

import os

from fastapi import FastAPI
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
app = FastAPI()


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/entries/count")
def count() -> dict:
    with engine.connect() as connection:
        return {"entries": connection.execute(text("SELECT count(*) FROM entries")).scalar_one()}
