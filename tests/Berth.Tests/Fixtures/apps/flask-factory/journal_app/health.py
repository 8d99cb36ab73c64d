from flask import Blueprint

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    return {"status": "ok"}
