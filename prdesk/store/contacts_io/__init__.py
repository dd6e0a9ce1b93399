"""Moving the directory in and out: reading sheets (reading), importing them (importing, matching), exporting."""

from prdesk.store.contacts_io.exporting import (
    EXPORTERS,
    SCOPES,
    _neutralize,
    _write,
    columns_for,
    export_contacts,
    export_csv,
    export_rows,
    export_total,
    export_vcard,
    export_xlsx,
)
from prdesk.store.contacts_io.importing import FORMULA_STARTS, ImportSummary, Progress, _unneutralize, import_contacts
from prdesk.store.contacts_io.reading import (
    ENCODINGS,
    MAX_CELL,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNPACKED,
    UNREADABLE,
    Sheet,
    iter_sheet,
    plausible_persian,
    preview,
)

__all__ = [
    "ENCODINGS", "EXPORTERS", "FORMULA_STARTS", "MAX_CELL", "MAX_XLSX_RATIO", "MAX_XLSX_UNPACKED", "SCOPES",
    "UNREADABLE", "ImportSummary", "Progress", "Sheet", "_neutralize", "_unneutralize", "_write", "columns_for",
    "export_contacts", "export_csv", "export_rows", "export_total", "export_vcard", "export_xlsx", "import_contacts",
    "iter_sheet", "plausible_persian", "preview",
]
