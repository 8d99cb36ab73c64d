import json
import os
import urllib.request

from fastapi import FastAPI

BACKEND_URL = os.getenv("BACKEND_URL", "http://localhost:18081")

app = FastAPI()


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/relay")
def relay():
    with urllib.request.urlopen(f"{BACKEND_URL}/api/greeting", timeout=5) as response:
        answer = json.load(response)
    return {"backend": BACKEND_URL, "answer": answer}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "18082")))
