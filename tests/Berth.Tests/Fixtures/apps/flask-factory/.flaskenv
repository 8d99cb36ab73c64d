FLASK_APP=journal.py
