from fastapi import FastAPI
from shared import currency

app = FastAPI()


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "currency": currency()}
