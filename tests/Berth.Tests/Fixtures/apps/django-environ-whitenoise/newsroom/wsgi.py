import os

from django.core.wsgi import get_wsgi_application
from whitenoise import WhiteNoise

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = WhiteNoise(get_wsgi_application(), root="/app/collected", prefix="static/")
application.add_files("/app/assets", prefix="more/")
