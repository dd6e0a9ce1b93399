"""core layer of prdesk (no Qt here)."""
