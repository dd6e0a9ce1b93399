"""printing layer of prdesk (no Qt here)."""
