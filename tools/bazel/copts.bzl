"""Compiler flags for the project's own code (third-party headers come in with -isystem)."""

PROJECT_COPTS = [
    "-Wall",
    "-Wextra",
    "-Wpedantic",
    "-Werror",
]
