from fastapi.testclient import TestClient

from app.main import app

HEADERS = {"X-API-Key": "test-key"}


def test_health_answers_get_and_head():
    with TestClient(app) as client:
        assert client.get("/health").json() == {"status": "ok"}
        assert client.head("/health").status_code == 200
        assert client.head("/ready").status_code == 200


def test_notes_crud():
    with TestClient(app) as client:
        assert client.post("/api/notes", json={"title": "x"}).status_code == 401
        created = client.post("/api/notes", json={"title": "groceries", "body": "milk"}, headers=HEADERS)
        assert created.status_code == 201
        note_id = created.json()["id"]
        assert client.get(f"/api/notes/{note_id}").json()["title"] == "groceries"
        assert any(n["id"] == note_id for n in client.get("/api/notes").json())
        assert client.delete(f"/api/notes/{note_id}", headers=HEADERS).status_code == 204
        assert client.get(f"/api/notes/{note_id}").status_code == 404
