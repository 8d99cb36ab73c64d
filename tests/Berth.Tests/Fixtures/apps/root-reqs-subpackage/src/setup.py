from setuptools import setup

setup(
    name="shelf",
    version="0.1",
    packages=["shelf", "shelf.entrypoints"],
)
