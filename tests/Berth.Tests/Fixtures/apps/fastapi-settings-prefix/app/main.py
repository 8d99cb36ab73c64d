from fastapi import FastAPI

from app.api.main import api_router
from app.core.config import settings


def get_application() -> FastAPI:
    application = FastAPI(title=settings.PROJECT_NAME)
    application.include_router(api_router, prefix=settings.API_V1_STR)
    return application


app = get_application()
