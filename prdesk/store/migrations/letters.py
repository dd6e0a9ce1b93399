"""Migrations of the outgoing register of letters. Registered, in the order they run, by the package."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m010_letters(db: Database) -> None:
    """The outgoing register (دفتر اندیکاتور): one row per numbered letter; a voided number stays."""
    for statement in (
        """
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            seq INTEGER NOT NULL CHECK (seq > 0),
            number TEXT NOT NULL CHECK (number <> ''),
            date TEXT NOT NULL,
            recipient TEXT NOT NULL DEFAULT '',
            organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
            person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            reference_number TEXT NOT NULL DEFAULT '',
            reference_date TEXT,
            attachments TEXT NOT NULL DEFAULT '',
            sent_via TEXT NOT NULL DEFAULT '',
            security TEXT NOT NULL DEFAULT '',
            urgency TEXT NOT NULL DEFAULT '',
            file_ref TEXT NOT NULL DEFAULT '',
            signer TEXT NOT NULL DEFAULT '',
            copies TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),
            void_reason TEXT NOT NULL DEFAULT '',
            voided_at TEXT,
            created_at TEXT NOT NULL,
            search_key TEXT NOT NULL DEFAULT '',
            compact_key TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE UNIQUE INDEX letters_year_seq ON letters (year, seq)",
        "CREATE INDEX letters_date ON letters (date)",
        "CREATE INDEX letters_organization ON letters (organization_id)",
        "CREATE INDEX letters_person ON letters (person_id)",
    ):
        db.execute(statement)


def m011_letter_print_options(db: Database) -> None:
    """What the register needs to reprint a letter as it went out: paper, pre-printed mode, the signer's position."""
    # The register kept none of these before: its letters reprint on A4 letterhead, the office's
    # usual paper, and a NULL signer's position takes the one in the settings, as reprints did.
    for statement in (
        "ALTER TABLE letters ADD COLUMN paper TEXT NOT NULL DEFAULT 'A4' CHECK (paper IN ('A4', 'A5'))",
        "ALTER TABLE letters ADD COLUMN preprinted INTEGER NOT NULL DEFAULT 0 CHECK (preprinted IN (0, 1))",
        "ALTER TABLE letters ADD COLUMN signer_position TEXT",
    ):
        db.execute(statement)


def m013_letters_carried_over(db: Database) -> None:
    """Register entries a restore carried over from the database it replaced, so no number is issued twice."""
    # NULL: the letter was registered in this file. A timestamp: it was registered after the
    # backup that was restored and copied in by that restore (issue 13 §3).
    db.execute("ALTER TABLE letters ADD COLUMN carried_over_at TEXT")
