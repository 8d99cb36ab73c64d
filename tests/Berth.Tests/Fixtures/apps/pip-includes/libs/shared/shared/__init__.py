def currency() -> str:
    return "EUR"
