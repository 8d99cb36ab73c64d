# Broken on purpose: this file wins over WEB_CONCURRENCY, so gunicorn boots 3 workers while the image says 2
# (verify: BV406 gunicorn-workers).
bind = "0.0.0.0:8000"
workers = 3
