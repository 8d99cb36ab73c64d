"""PostgreSQL access. The pool is created on first use, never at import or startup,
so the service starts (and answers /health) while the database is still coming up."""

import asyncio
import logging
from typing import Optional

import asyncpg

from app.settings import get_settings

logger = logging.getLogger(__name__)

_pool: Optional[asyncpg.Pool] = None
_lock = asyncio.Lock()


async def get_pool() -> asyncpg.Pool:
    global _pool
    async with _lock:
        if _pool is None:
            logger.info("opening database pool")
            _pool = await asyncpg.create_pool(get_settings().DATABASE_URL, min_size=1, max_size=5, timeout=5)
    return _pool


async def close_pool() -> None:
    global _pool
    if _pool is not None:
        await _pool.close()
        _pool = None
        logger.info("database pool closed")
