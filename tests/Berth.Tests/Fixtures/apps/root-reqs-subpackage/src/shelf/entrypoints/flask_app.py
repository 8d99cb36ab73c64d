from flask import Flask

from shelf import books

app = Flask(__name__)


@app.route("/health", methods=["GET", "HEAD"])
def health():
    return {"status": "ok"}


@app.route("/books/<book_id>")
def book(book_id):
    return {"title": books.title(book_id)}
