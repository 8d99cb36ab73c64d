from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(DEBUG=(bool, False))
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost"])
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=60)
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production")

DATABASES = {"default": env.db()}
CACHES = {"default": env.cache_url("CACHE_URL", default="locmem://")}

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "collected"))
STATICFILES_DIRS = [BASE_DIR / "assets"]
STATICFILES_STORAGE = env("STATICFILES_STORAGE", default="whitenoise.storage.CompressedManifestStaticFilesStorage")
