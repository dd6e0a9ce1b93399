"""Dialogs of the window, each behind a narrow surface so logic is testable with a fake."""
