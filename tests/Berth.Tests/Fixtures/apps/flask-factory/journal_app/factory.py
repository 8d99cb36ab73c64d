import logging
import os
from logging.handlers import RotatingFileHandler

from flask import Flask

from .health import bp as health_bp


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.register_blueprint(health_bp, url_prefix="/ops")
    if not os.path.exists("logs"):
        os.mkdir("logs")
    handler = RotatingFileHandler("logs/journal.log", maxBytes=10240, backupCount=3)
    handler.setLevel(logging.INFO)
    app.logger.addHandler(handler)
    return app


def create_wsgi():
    return create_app()
