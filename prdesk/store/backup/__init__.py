"""Backups: the .prdesk-backup container, the create/verify/restore service and their errors.

Submodules, lowest first: ``errors`` (exceptions and messages), ``fileops`` (each file operation
in one place), ``names`` (file names and the backup folder), ``container`` (the file format and
its encryption), ``snapshot`` (the SQLite copy inside and its checks, the schema against
prdesk.store.schema), ``service`` (create, verify), ``restoring`` (restore and its safety copy). Names are loaded on first use, so that
reading the backup folder at start-up does not import cryptography.
"""

from __future__ import annotations

import importlib

from prdesk.errors import BackupError

_HOME = {
    "errors": (
        "APP_FA", "SUFFIX", "BackupCancelled", "PasswordRequired", "WrongPassword", "DamagedDatabase",
        "_os_error", "_damaged", "_foreign", "_newer", "_not_a_backup",
    ),
    "fileops": (
        "TEMP_PREFIX", "TEMP_SUFFIX", "remove_stale_temp_files", "_write", "_fsync", "_rename", "_replace",
        "_temp_file", "_discard", "_snapshot",
    ),
    "names": (
        "NAME_PREFIX", "SAFETY_PREFIX", "DEFAULT_LABEL", "database_label", "default_backup_name", "safety_copy_name", "unique_path", "format_size",
        "format_count", "backup_folder", "is_network_path",
    ),
    "container": (
        "FORMAT_NAME", "FORMAT_VERSION", "MAGIC", "FLAG_ENCRYPTED", "PLAIN_HEADER_SIZE", "ENCRYPTED_HEADER_SIZE",
        "KDF_SCRYPT", "SCRYPT_LOG2_N", "SCRYPT_R", "SCRYPT_P", "CHUNK_SIZE", "MAX_MANIFEST", "MAX_SNAPSHOT",
        "Manifest", "_Container", "_SealedReader", "_read_header", "_unwrap", "_write_container", "_sha256_file",
    ),
    "snapshot": ("_database_file", "_inspect_snapshot", "_refuse_snapshot"),
    "service": (
        "Progress", "BackupInfo", "create", "verify", "is_encrypted", "read_manifest", "looks_intact", "_extract",
    ),
    "restoring": (
        "RestorePreview", "RestoreResult", "restore", "preview_restore", "default_safety_folder", "_current_state",
    ),
}
_WHERE = {name: module for module, names in _HOME.items() for name in names}

__all__ = ["BackupError", *(n for n in _WHERE if not n.startswith("_"))]


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
