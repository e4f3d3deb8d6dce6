"""realpolitik: dated news text in, a living map of who is with whom and against whom out."""

__version__ = "0.1.0"
