from pydantic import BaseSettings


class Settings(BaseSettings):
    API_V1_STR: str = "/api/v1"
    PROJECT_NAME: str = "ledger"
    SECRET_KEY: str
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60
    SMTP_LOGIN: str = ""
    SMTP_PASSWORD: str = ""
    OTEL_EXPORTER_ENDPOINT: str = ""
    SIGNUP_ENABLED: bool = False
    DATABASE_URL: str = "postgresql://ledger:ledger@db:5432/ledger"


settings = Settings()
