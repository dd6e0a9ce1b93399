"""Qt user interface of prdesk."""
