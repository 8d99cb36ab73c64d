"""In-memory stock store with a small time-based read cache."""

import threading
import time
from typing import Dict, Optional, Tuple


class StockStore:
    def __init__(self, cache_ttl: float) -> None:
        self._levels: Dict[str, int] = {}
        self._cache: Dict[str, Tuple[float, int]] = {}
        self._cache_ttl = cache_ttl
        self._lock = threading.Lock()

    def get(self, sku: str) -> Optional[int]:
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(sku)
            if cached is not None and now - cached[0] < self._cache_ttl:
                return cached[1]
            level = self._levels.get(sku)
            if level is not None:
                self._cache[sku] = (now, level)
            return level

    def adjust(self, sku: str, delta: int) -> int:
        with self._lock:
            level = self._levels.get(sku, 0) + delta
            if level < 0:
                raise ValueError(f"stock for {sku} cannot go below zero")
            self._levels[sku] = level
            self._cache.pop(sku, None)
            return level

    def skus(self) -> Dict[str, int]:
        with self._lock:
            return dict(sorted(self._levels.items()))
