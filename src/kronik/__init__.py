"""kronik: news articles to source-linked political events coded in PLOVER."""

__version__ = "0.1.0"
