from fastapi import FastAPI

app = FastAPI(title="quotes")


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/quotes/{quote_id}")
def quote(quote_id: int) -> dict[str, int]:
    return {"id": quote_id}
