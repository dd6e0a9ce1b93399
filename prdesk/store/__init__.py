"""store layer of prdesk (no Qt here)."""
