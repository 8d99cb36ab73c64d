import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "change me"
    GREETING = "hello"


class DevelopmentConfig(Config):
    DEBUG = True
    GREETING = "hello from development"


class TestingConfig(Config):
    TESTING = True


class ProductionConfig(Config):
    DEBUG = False
    GREETING = "hello from production"


config = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
    "default": DevelopmentConfig,
}
