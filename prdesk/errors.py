"""The one exception hierarchy: problems the user can fix, raised by core and store."""


class PrdeskError(Exception):
    """A problem the user can fix; the message is plain Persian and says what to do next."""


class ValidationError(PrdeskError):
    """A value typed by the user is not acceptable."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(PrdeskError):
    """The record asked for does not exist (any more)."""


class StorageError(PrdeskError):
    """The database file cannot be opened, read or written."""


class RefusedDatabase(StorageError):
    """The file is not one this version of prdesk may open; it was left untouched."""


class DatabaseLocked(StorageError):
    """Another prdesk window already has this database open."""


class BackupError(PrdeskError):
    """A backup file cannot be created, verified or restored."""
