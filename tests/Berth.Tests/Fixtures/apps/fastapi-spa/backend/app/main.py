from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

# The single-page app that `npm run build` writes in ../frontend: it exists only after that build.
FRONTEND_DIST = Path(__file__).resolve().parent.parent.parent / "frontend" / "dist"

app = FastAPI(title="fastapi-spa")


@app.api_route("/api/health", methods=["GET", "HEAD"])
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/api/items")
def items() -> list[dict[str, str]]:
    return [{"name": "first"}]


app.mount("/", StaticFiles(directory=FRONTEND_DIST, html=True), name="frontend")
