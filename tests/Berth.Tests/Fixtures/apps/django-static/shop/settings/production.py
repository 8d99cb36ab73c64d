import os

from .base import *  # noqa: F401,F403

ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
STATIC_ROOT = str(BASE_DIR / "staticfiles")
