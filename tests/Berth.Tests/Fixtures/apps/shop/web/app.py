import os

import requests
from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SESSION_SECRET"]
CATALOG_URL = os.getenv("CATALOG_URL", "http://localhost:8001")
SITE_TITLE = os.getenv("SITE_TITLE", "Shop")


@app.route("/healthz")
def healthz():
    return jsonify(status="ok")


@app.route("/")
def index():
    items = requests.get(f"{CATALOG_URL}/items", timeout=5).json()
    return jsonify(title=SITE_TITLE, items=items)
