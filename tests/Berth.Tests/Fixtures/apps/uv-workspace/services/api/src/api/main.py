import os

from fastapi import FastAPI

app = FastAPI(title="api")
API_TOKEN = os.environ.get("API_TOKEN")


@app.api_route("/health", methods=["GET", "HEAD"])
def health():
    return {"ok": True}
