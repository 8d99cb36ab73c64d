"""Prices API: JSON log lines for its own records (a dictConfig on the root logger), uvicorn's loggers left alone."""

import json
import logging
import logging.config

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps({"level": record.levelname, "logger": record.name, "message": record.getMessage()})


logging.config.dictConfig(
    {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
        "root": {"level": "INFO", "handlers": ["stdout"]},
    }
)
log = logging.getLogger("prices")


async def healthz(request):
    log.info("health asked")
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[Route("/healthz", healthz)], on_startup=[lambda: log.info("prices ready")])
