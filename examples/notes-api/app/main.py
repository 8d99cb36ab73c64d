"""notes-api: FastAPI application."""

import logging
import os

from fastapi import FastAPI, HTTPException, Response, status

from app import db
from app.logging_config import configure_logging
from app.routers import notes
from app.settings import get_settings

settings = get_settings()
configure_logging(settings.LOG_LEVEL)
logger = logging.getLogger("notes_api")

app = FastAPI(title=settings.APP_NAME)
app.include_router(notes.router)

_accepting_traffic = False


@app.on_event("startup")
async def on_startup() -> None:
    global _accepting_traffic
    logger.info("starting %s", settings.APP_NAME)
    _accepting_traffic = True


@app.on_event("shutdown")
async def on_shutdown() -> None:
    """Runs on SIGTERM: stop reporting ready, then close the database pool if one was opened."""
    global _accepting_traffic
    _accepting_traffic = False
    logger.info("shutting down: closing connections")
    await db.close_pool()
    logger.info("shutdown complete")


@app.api_route("/health", methods=["GET", "HEAD"])
async def health() -> dict:
    """Liveness: the process is up and serving requests."""
    return {"status": "ok"}


@app.api_route("/ready", methods=["GET", "HEAD"])
async def ready(response: Response) -> dict:
    """Readiness: startup finished and shutdown has not begun."""
    if not _accepting_traffic:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "starting or stopping"}
    return {"status": "ready"}


@app.get("/api/db/ping")
async def db_ping() -> dict:
    """Round trip to PostgreSQL; the only route that needs the database."""
    try:
        pool = await db.get_pool()
        value = await pool.fetchval("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - report any connection failure as 503
        logger.warning("database ping failed: %s", exc.__class__.__name__)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "database unavailable") from exc
    return {"database": "ok", "result": value}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("app.main:app", host="0.0.0.0", port=int(os.getenv("PORT", "8000")), log_config=None)
