"""Notes CRUD. Kept in memory: the point of this service is its shape, not its storage."""

import secrets
from datetime import datetime, timezone
from itertools import count
from typing import Dict, List, Optional

from fastapi import APIRouter, Depends, Header, HTTPException, status
from pydantic import BaseModel, Field

from app.settings import Settings, get_settings

router = APIRouter(prefix="/api/notes", tags=["notes"])


class NoteIn(BaseModel):
    title: str = Field(..., min_length=1, max_length=200)
    body: str = ""


class Note(NoteIn):
    id: int
    created_at: datetime


_notes: Dict[int, Note] = {}
_ids = count(1)


def require_api_key(
    x_api_key: Optional[str] = Header(default=None),
    settings: Settings = Depends(get_settings),
) -> None:
    expected = settings.API_KEY.get_secret_value()
    if x_api_key is None or not secrets.compare_digest(x_api_key, expected):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or invalid X-API-Key")


@router.get("", response_model=List[Note])
async def list_notes() -> List[Note]:
    return sorted(_notes.values(), key=lambda n: n.id)


@router.get("/{note_id}", response_model=Note)
async def get_note(note_id: int) -> Note:
    note = _notes.get(note_id)
    if note is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "note not found")
    return note


@router.post("", response_model=Note, status_code=status.HTTP_201_CREATED, dependencies=[Depends(require_api_key)])
async def create_note(payload: NoteIn) -> Note:
    note = Note(id=next(_ids), created_at=datetime.now(timezone.utc), **payload.dict())
    _notes[note.id] = note
    return note


@router.delete("/{note_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[Depends(require_api_key)])
async def delete_note(note_id: int) -> None:
    if _notes.pop(note_id, None) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "note not found")
