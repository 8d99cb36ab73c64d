from app.core.settings.app import AppSettings


class DevAppSettings(AppSettings):
    debug: bool = True

    class Config(AppSettings.Config):
        env_file = "config/dev.env"
