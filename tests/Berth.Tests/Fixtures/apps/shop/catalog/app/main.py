import os

import uvicorn
from fastapi import FastAPI

app = FastAPI()
DATABASE_URL = os.environ["DATABASE_URL"]
PAGE_SIZE = int(os.getenv("PAGE_SIZE", "50"))


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/ready")
def ready():
    return {"ready": True}


@app.get("/items")
def items():
    return [{"sku": "A-1", "name": "Anchor"}][:PAGE_SIZE]


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "8001")))
