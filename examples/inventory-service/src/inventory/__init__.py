"""Inventory service: stock levels per SKU."""

__version__ = "0.3.0"
