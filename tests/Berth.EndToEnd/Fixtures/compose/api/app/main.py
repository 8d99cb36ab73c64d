import os
import tempfile

import uvicorn
from fastapi import FastAPI

API_TOKEN = os.environ["API_TOKEN"]

app = FastAPI()


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/api/greeting")
def greeting():
    # Written through the tmpfs compose mounts at /tmp: the root filesystem is read-only.
    with tempfile.NamedTemporaryFile("w+") as scratch:
        scratch.write("hello from api")
        scratch.flush()
        scratch.seek(0)
        message = scratch.read()
    return {"message": message, "uid": os.getuid(), "tokenSet": bool(API_TOKEN)}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "18081")))
