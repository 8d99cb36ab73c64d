from app.core.settings.app import AppSettings


class TestAppSettings(AppSettings):
    database_url: str = "sqlite://"
