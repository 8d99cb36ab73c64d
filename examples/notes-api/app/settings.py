"""Service configuration, read from the environment (and `.env` in development)."""

from functools import lru_cache

from pydantic import BaseSettings, SecretStr


class Settings(BaseSettings):
    DATABASE_URL: str
    API_KEY: SecretStr
    APP_NAME: str = "notes-api"
    LOG_LEVEL: str = "info"

    class Config:
        env_file = ".env"
        env_file_encoding = "utf-8"


@lru_cache
def get_settings() -> Settings:
    return Settings()
