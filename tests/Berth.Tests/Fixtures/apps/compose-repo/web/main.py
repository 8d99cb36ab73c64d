import os

import httpx
from fastapi import FastAPI

BACKEND_URL = os.getenv("BACKEND_URL", "http://localhost:8000/api")
CORS_ORIGINS = os.getenv("CORS_ORIGINS", "http://localhost:8080")

app = FastAPI()


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/")
def index():
    return httpx.get(f"{BACKEND_URL}/items").json()


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "8080")))
