import os

from fastapi import FastAPI

DATABASE_URL = os.environ["DATABASE_URL"]
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
SECRET_KEY = os.environ["SECRET_KEY"]
PAGE_SIZE = int(os.getenv("PAGE_SIZE", "20"))

app = FastAPI()


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/api/items")
def items():
    return {"items": [], "page_size": PAGE_SIZE}
