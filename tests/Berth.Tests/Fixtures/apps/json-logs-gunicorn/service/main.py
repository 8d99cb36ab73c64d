"""Orders API: logs one JSON object per line through the root logger; says nothing about gunicorn's or uvicorn's loggers."""

import json
import logging
import sys

from fastapi import FastAPI


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps({"level": record.levelname, "logger": record.name, "message": record.getMessage()})


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(JsonLines())
logging.basicConfig(level=logging.INFO, handlers=[handler])
log = logging.getLogger("orders")

app = FastAPI()


@app.on_event("startup")
async def started() -> None:
    log.info("orders ready")


@app.get("/health")
async def health() -> dict:
    log.info("health asked")
    return {"status": "ok"}
