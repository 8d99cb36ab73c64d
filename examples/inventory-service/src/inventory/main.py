"""inventory-service: FastAPI application (served by gunicorn + uvicorn workers in production)."""

import hashlib
import hmac
import logging
import os
from typing import Dict

from fastapi import FastAPI, Header, HTTPException, status
from pydantic import BaseModel, conint

from inventory import __version__
from inventory.store import StockStore

SECRET_KEY = os.environ["SECRET_KEY"]
CACHE_TTL = float(os.getenv("CACHE_TTL", "60"))

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("inventory")

app = FastAPI(title="inventory-service", version=__version__)
store = StockStore(cache_ttl=CACHE_TTL)


class Adjustment(BaseModel):
    delta: conint(ge=-10_000, le=10_000)  # type: ignore[valid-type]


def _check_signature(sku: str, delta: int, signature: str) -> None:
    expected = hmac.new(SECRET_KEY.encode(), f"{sku}:{delta}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "bad signature")


@app.get("/healthz")
def healthz() -> Dict[str, str]:
    return {"status": "ok", "version": __version__}


@app.get("/stock")
def list_stock() -> Dict[str, int]:
    return store.skus()


@app.get("/stock/{sku}")
def get_stock(sku: str) -> Dict[str, object]:
    level = store.get(sku)
    if level is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown sku")
    return {"sku": sku, "level": level}


@app.post("/stock/{sku}/adjust")
def adjust_stock(sku: str, body: Adjustment, x_signature: str = Header(...)) -> Dict[str, object]:
    _check_signature(sku, body.delta, x_signature)
    try:
        level = store.adjust(sku, body.delta)
    except ValueError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    logger.info("stock adjusted sku=%s delta=%d level=%d", sku, body.delta, level)
    return {"sku": sku, "level": level}


@app.on_event("shutdown")
def on_shutdown() -> None:
    logger.info("shutting down with %d skus in memory", len(store.skus()))


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("inventory.main:app", host="0.0.0.0", port=int(os.getenv("PORT", "8080")))
