import hashlib
import hmac
import os

os.environ["SECRET_KEY"] = "test-secret"

from fastapi import HTTPException  # noqa: E402

from inventory import main  # noqa: E402


def sign(sku: str, delta: int) -> str:
    return hmac.new(b"test-secret", f"{sku}:{delta}".encode(), hashlib.sha256).hexdigest()


def test_healthz():
    assert main.healthz()["status"] == "ok"


def test_adjust_requires_valid_signature():
    body = main.Adjustment(delta=5)
    assert main.adjust_stock("sku-1", body, sign("sku-1", 5)) == {"sku": "sku-1", "level": 5}
    assert main.get_stock("sku-1")["level"] == 5
    try:
        main.adjust_stock("sku-1", body, "forged")
    except HTTPException as exc:
        assert exc.status_code == 403
    else:
        raise AssertionError("forged signature accepted")
