"""Errors with stable codes, so users and tests can tell them apart.

Codes: E0xx pipeline and config, E1xx input, E2xx storage, E3xx evaluation, E4xx language data.
"""

from __future__ import annotations


class KronikError(Exception):
    """An error kronik reports to the user: a stable code and a message naming the file and line."""

    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
