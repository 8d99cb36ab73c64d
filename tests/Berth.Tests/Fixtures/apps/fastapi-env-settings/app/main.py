from fastapi import FastAPI

from app.core.config import get_app_settings

settings = get_app_settings()
app = FastAPI(title=settings.title)


@app.get("/health")
def health():
    return {"status": "ok"}
