import os
import sqlite3
from pathlib import Path

from flask import Flask, render_template, request

from journal import logs
from journal.paths import DATA_DIR, STATIC_DIR, TEMPLATE_DIR

DATABASE = "journal.db"
url = os.getenv("DATABASE_URL", f"sqlite:///{Path(DATA_DIR).joinpath(DATABASE)}")

# templates and static files are only read
app = Flask(__name__, template_folder=str(TEMPLATE_DIR), static_folder=str(STATIC_DIR))
logs.setup(app.logger)
DATA_DIR.mkdir(exist_ok=True)


def connect() -> sqlite3.Connection:
    return sqlite3.connect(url.removeprefix("sqlite:///"))


with connect() as db:
    db.execute("CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
app.logger.info("journal started")


@app.route("/health", methods=["GET", "HEAD"])
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/")
def index() -> str:
    with connect() as db:
        count = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    return render_template("index.html", count=count)


@app.post("/entries")
def add_entry() -> tuple[dict[str, str], int]:
    with connect() as db:
        db.execute("INSERT INTO entries (text) VALUES (?)", (request.get_data(as_text=True),))
    return {"status": "saved"}, 201
