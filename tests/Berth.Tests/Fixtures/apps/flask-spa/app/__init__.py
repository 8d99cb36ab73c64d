from flask import Flask, send_from_directory

# web/'s `vite build` writes its bundle into app/static (vite.config.js build.outDir).
app = Flask(__name__, static_folder="static", static_url_path="")


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/")
def index():
    return send_from_directory(app.static_folder, "index.html")
