#!/bin/sh
set -e
exec uvicorn app.main:app --host 0.0.0.0 --port 8000 --proxy-headers --forwarded-allow-ips '*' --root-path /api --workers ${WEB_CONCURRENCY:-2}
