"""PLOVER event coding from phrase dictionaries kept as language data."""

from kronik.events.coder import EventCoder

__all__ = ["EventCoder"]
