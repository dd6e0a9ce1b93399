"""The right-to-left text engine: Persian paragraphs and tables as ReportLab platypus Flowables.

ReportLab lays text out left to right. Reshaping and reordering a whole paragraph before it wraps
puts the lines in reverse order, so the work is split in the order a Persian word processor does it:

1. the paragraph is prepared once in *logical* order (``words``): markup runs, Latin runs found,
   digits made Persian outside them with Persian number marks, each word shaped (arabic-reshaper)
   and measured with the glyphs it will use (``text``);
2. lines are broken on the logical words, top to bottom, by those widths (``lines``);
3. each line on its own is reordered with the Unicode bidi algorithm (base direction right to left,
   or left to right for a paragraph without Persian letters; brackets mirrored) and drawn left to
   right in that visual order; ``flowables`` wraps it all for platypus.
"""

from prdesk.printing.rtl.flowables import (
    RtlParagraph, baseline_offset, draw_text, mirror_style_commands, rtl_table, text_width,
)
from prdesk.printing.rtl.lines import Line, break_lines, is_ltr_paragraph
from prdesk.printing.rtl.text import (
    ALIGNMENTS, LRE, MAX_STRETCH, NBSP, PDF, ZWJ, ZWNJ, Span, TextStyle, escape, measure, parse_markup, shape,
)
from prdesk.printing.rtl.words import Piece, RunStyle, Word, prepare

__all__ = [
    "ALIGNMENTS", "LRE", "MAX_STRETCH", "NBSP", "PDF", "ZWJ", "ZWNJ", "Line", "Piece", "RtlParagraph", "RunStyle",
    "Span", "TextStyle", "Word", "baseline_offset", "break_lines", "draw_text", "escape", "is_ltr_paragraph",
    "measure", "mirror_style_commands", "parse_markup", "prepare", "rtl_table", "shape", "text_width",
]
