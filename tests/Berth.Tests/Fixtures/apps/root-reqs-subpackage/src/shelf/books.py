BOOKS = {"1": "Dune", "2": "Solaris"}


def title(book_id):
    return BOOKS.get(book_id)
