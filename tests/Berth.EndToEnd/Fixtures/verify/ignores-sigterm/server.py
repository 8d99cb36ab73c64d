"""Broken on purpose: serves /health from a thread while the main thread sleeps in a loop and ignores SIGTERM."""

import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

signal.signal(signal.SIGTERM, signal.SIG_IGN)


class Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self._answer(b'{"status": "ok"}')

    def do_HEAD(self) -> None:
        self._answer(b"")

    def _answer(self, body: bytes) -> None:
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


server = ThreadingHTTPServer(("0.0.0.0", 8000), Health)
threading.Thread(target=server.serve_forever, daemon=True).start()
while True:
    time.sleep(1)
