from pathlib import Path

# The folders of the app, named once and imported by the modules that use them.
BASE_PATH = Path(__file__).resolve().parent.parent
LOG_DIR = BASE_PATH / "log"
DATA_DIR = BASE_PATH / "data"
TEMPLATE_DIR = BASE_PATH / "templates"
STATIC_DIR = BASE_PATH / "static"
