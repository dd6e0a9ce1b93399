"""One page per area of the office's work, shown in the main window's stack."""
