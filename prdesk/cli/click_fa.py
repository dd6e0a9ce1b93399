"""Click's own messages (usage errors, the usage line, the help hint) in Persian, installed once by the CLI frame.

Click wraps every message it prints in ``gettext``; this module answers those look-ups from a small
catalog. Keys are click's English message ids verbatim (a test checks each still exists in click's
source, so an upgrade that rewords one fails a test instead of printing English).
"""

from __future__ import annotations

import re


def _persian_digits(text: str) -> str:
    return str(text).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


class _RangeMessage(str):
    """Says click's range ``1<=x<=12`` / ``x>=1`` the way a clerk reads it."""

    def format(self, *args, **kwargs):  # noqa: A003 - str.format is what click calls
        text = str(kwargs.get("range", ""))
        span = re.fullmatch(r"(-?[\d.]+)<=?x<=?(-?[\d.]+)", text)
        low = re.fullmatch(r"x>=?(-?[\d.]+)", text)
        high = re.fullmatch(r"x<=?(-?[\d.]+)", text)
        if span:
            text = f"عددی از {_persian_digits(span[1])} تا {_persian_digits(span[2])}"
        elif low:
            text = f"عدد {_persian_digits(low[1])} یا بیشتر"
        elif high:
            text = f"عدد {_persian_digits(high[1])} یا کمتر"
        kwargs["range"] = text
        kwargs["value"] = _persian_digits(kwargs.get("value", ""))
        return str.format(self, *args, **kwargs)


class _NoSuchOptionMessage(str):
    """An unknown option that looks like a negative number or date gets a hint how to pass it."""

    def format(self, *args, **kwargs):  # noqa: A003
        text = str.format(self, *args, **kwargs)
        if re.fullmatch(r"-\d.*", str(kwargs.get("name", ""))):
            text += (
                " نوشته‌ای که با «-» آغاز شود گزینه خوانده می‌شود؛ اگر تاریخ یا عدد است، «-» اول آن را بردارید"
                " یا پیش از آن «--» بگذارید (مثلاً: prdesk date convert -- -1405/01/01)."
            )
        return text


CATALOG: dict[str, str] = {
    "Usage:": "طرز استفاده:",
    "Try '{command} {option}' for help.": "برای راهنما بنویسید: {command} {option}",
    "Error: {message}": "خطا: {message}",
    "Aborted!": "کار نیمه‌تمام رها شد.",
    "Invalid value for {param_hint}: {message}": "{param_hint}: {message}",
    "Invalid value: {message}": "مقدار پذیرفته نیست: {message}",
    "Missing argument": "این ورودی لازم است و داده نشده:",
    "Missing option": "این گزینه لازم است و داده نشده:",
    "Missing parameter": "این ورودی لازم است و داده نشده:",
    "Missing {param_type}": "این ورودی لازم است و داده نشده ({param_type}):",
    "Missing parameter: {param_name}": "ورودی لازم داده نشده: {param_name}",
    "Missing command.": "فرمانی داده نشده است؛ یکی از فرمان‌های فهرست راهنما را بنویسید.",
    "Choose from:\n\t{choices}": "یکی از این‌ها را بدهید:\n\t{choices}",
    "No such option {name!r}.": _NoSuchOptionMessage("گزینهٔ «{name}» وجود ندارد."),
    "No such command {name!r}.": "فرمان «{name}» وجود ندارد؛ فهرست فرمان‌ها را با prdesk --help ببینید.",
    "Did you mean {possibility}?": "منظورتان {possibility} است؟",
    "(Did you mean one of: {possibilities}?)": "(منظورتان یکی از این‌هاست؟ {possibilities})",
    "Got unexpected extra argument ({args})": "ورودی اضافه داده شده: ({args}). اگر متن فاصله دارد، آن را در گیومه \"…\" بگذارید.",
    "Got unexpected extra arguments ({args})": "ورودی‌های اضافه داده شده: ({args}). اگر متن فاصله دارد، آن را در گیومه \"…\" بگذارید.",
    "Option {name!r} requires an argument.": "گزینهٔ «{name}» مقدار می‌خواهد؛ مقدار را پس از آن بنویسید.",
    "Option {name!r} requires {nargs} arguments.": "گزینهٔ «{name}» {nargs} مقدار می‌خواهد.",
    "Option {name!r} does not take a value.": "گزینهٔ «{name}» مقدار نمی‌گیرد؛ آن را تنها بنویسید.",
    "Argument {name!r} takes {nargs} values.": "ورودی «{name}» {nargs} مقدار می‌خواهد.",
    "{value!r} is not {choice}.": "«{value}» پذیرفته نیست؛ تنها {choice} را می‌توان داد.",
    "{value!r} is not one of {choices}.": "«{value}» پذیرفته نیست؛ یکی از {choices} را بدهید.",
    "{value!r} is not a valid {number_type}.": "«{value}» عدد نیست؛ یک عدد بدهید.",
    "{value} is not in the range {range}.": _RangeMessage("«{value}» پذیرفته نیست؛ {range} بدهید."),
    "{value!r} does not match the format {format}.": "«{value}» با قالب {format} نمی‌خواند.",
    "{value!r} does not match the formats {formats}.": "«{value}» با هیچ‌یک از قالب‌های {formats} نمی‌خواند.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "«{value}» بله یا نه نیست؛ یکی از {states} را بدهید.",
    "file": "فایل",
    "directory": "پوشه",
    "path": "مسیر",
    "{name} {filename!r} does not exist.": "«{filename}» پیدا نشد؛ نام و مسیر فایل را بررسی کنید.",
    "{name} {filename!r} is a directory.": "«{filename}» یک پوشه است، نه فایل؛ نام یک فایل را بدهید.",
    "{name} {filename!r} is a file.": "«{filename}» یک فایل است، نه پوشه؛ نام یک پوشه را بدهید.",
    "{name} {filename!r} is not readable.": "«{filename}» خواندنی نیست؛ دسترسی به آن را بررسی کنید.",
    "{name} {filename!r} is not writable.": "در «{filename}» نمی‌توان نوشت؛ دسترسی یا مسیر دیگری را بررسی کنید.",
    "Could not open file {filename!r}: {message}": "فایل «{filename}» باز نشد: {message}",
    "unknown error": "خطای ناشناخته",
    "Value must be an iterable.": "چند مقدار لازم است.",
    "Takes {nargs} values but 1 was given.": "{nargs} مقدار لازم است، ولی یکی داده شده.",
    "Takes {nargs} values but {len} were given.": "{nargs} مقدار لازم است، ولی {len} مقدار داده شده.",
}


def gettext(message: str) -> str:
    """Persian for one of click's messages; anything else unchanged."""
    return CATALOG.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Persian for one of click's singular/plural messages."""
    return gettext(singular if count == 1 else plural)


def install() -> None:
    """Make click look its messages up here (idempotent; only click's own modules are touched)."""
    from click import core, decorators, exceptions, formatting, parser, types

    for module in (core, decorators, exceptions, formatting, parser, types):
        if getattr(module, "_", None) is not gettext:
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext

