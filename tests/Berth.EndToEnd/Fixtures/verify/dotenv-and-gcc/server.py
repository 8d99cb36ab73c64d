"""A small stdlib server; it prints its token at start (as careless apps do) so verify's redaction is tested."""

import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


def stop(*_: object) -> None:
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
print("starting with API_TOKEN=" + os.environ.get("API_TOKEN", "unset"), flush=True)
HTTPServer(("0.0.0.0", 8000), Health).serve_forever()
