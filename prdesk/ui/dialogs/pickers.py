"""File and folder pickers behind a narrow surface, so pages are testable without a file dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


def choose_file(parent: QWidget | None, title: str, start: str, name_filter: str) -> str | None:
    """The file the user picked, or None when they cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, start, name_filter)
    return path or None


def choose_save_path(parent: QWidget | None, title: str, start: str, name_filter: str) -> str | None:
    """The file the user chose to write, or None when they cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
    return path or None


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    """The folder the user picked, or None when they cancelled."""
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return path or None
