"""chat-platform backend: the API both frontends call."""

import os

from fastapi import FastAPI

app = FastAPI(title="chat-platform backend")

GREETING = os.getenv("GREETING", "hello from the backend")


@app.api_route("/health", methods=["GET", "HEAD"])
async def health() -> dict:
    """Liveness and readiness: the process is up and serving requests."""
    return {"status": "ok"}


@app.get("/api/messages")
async def messages() -> dict:
    return {"messages": [GREETING], "uid": os.getuid()}
