import os

from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
DATABASE_URL = os.getenv("DATABASE_URL", "postgresql://app:devpass@localhost/app")


@app.route("/healthz")
def healthz():
    return jsonify(status="ok")


@app.post("/items")
def create_item():
    return jsonify(created=True), 201
