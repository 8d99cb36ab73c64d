import os

# Test configuration; set before the app (and its settings) is imported.
os.environ["DATABASE_URL"] = "postgresql://test:test@127.0.0.1:5432/test"
os.environ["API_KEY"] = "test-key"
