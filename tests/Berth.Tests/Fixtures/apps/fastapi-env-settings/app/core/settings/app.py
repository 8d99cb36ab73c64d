from app.core.settings.base import BaseAppSettings


class AppSettings(BaseAppSettings):
    title: str = "orders"
    database_url: str
