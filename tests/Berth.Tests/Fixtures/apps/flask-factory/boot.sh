#!/bin/sh
set -e
flask db upgrade
exec gunicorn -b :5000 --access-logfile - --error-logfile - journal:app
