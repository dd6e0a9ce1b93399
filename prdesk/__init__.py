"""prdesk: the desktop PR desk of an Iranian office."""

__version__ = "0.1.0"
