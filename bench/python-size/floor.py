"""Prints the floor, in bytes, for the image it runs in: the site-packages the app needs (byte-code included) plus the app's files.

Runs inside the built image with its venv's interpreter. Packaging tools (pip, setuptools, wheel) are not needed to run an app,
except setuptools when an installed package imports pkg_resources (gunicorn before 22 does)."""
import os
import re
import sys

TOOLS = {"pip", "setuptools", "wheel", "pkg_resources", "_distutils_hack", "distutils-precedence.pth"}
PKG_RESOURCES = re.compile(rb"^[ \t]*(import|from)[ \t]+pkg_resources", re.M)


def tool_of(entry: str) -> str | None:
    name = entry.split("-")[0] if entry.endswith((".dist-info", ".egg-info")) else entry
    return name if name in TOOLS or entry in TOOLS else None


def size(path: str) -> int:
    if os.path.isfile(path) or os.path.islink(path):
        return os.lstat(path).st_size
    return sum(os.lstat(os.path.join(d, f)).st_size for d, _, files in os.walk(path) for f in files)


site = next(p for p in sys.path if p.endswith("site-packages"))
entries = os.listdir(site)
needs_setuptools = False
for entry in entries:
    if tool_of(entry):
        continue
    for d, _, files in os.walk(os.path.join(site, entry)):
        for f in files:
            if f.endswith(".py"):
                with open(os.path.join(d, f), "rb") as source:
                    if PKG_RESOURCES.search(source.read()):
                        needs_setuptools = True
kept = {"setuptools", "pkg_resources", "_distutils_hack", "distutils-precedence.pth"} if needs_setuptools else set()
floor = sum(size(os.path.join(site, e)) for e in entries if tool_of(e) is None or tool_of(e) in kept)
floor += size("/app")
print(floor, "setuptools-needed" if needs_setuptools else "no-setuptools")
