"""Bytes to text: UTF-8 only, no control characters, one clear problem per fault."""

from __future__ import annotations

import re

from stdcat.problem import Problem

MAX_BYTES = 1024 * 1024
_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
# C0 controls other than tab, newline and carriage return; DEL; C1 controls; line and
# paragraph separators, which YAML and editors treat differently.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
MAX_CONTROL_REPORTS = 5


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a record file; return the text, or None and the problems that stop it."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(path, 1, 1, "file-too-large", f"the file has {len(raw)} bytes; a record has at most {MAX_BYTES}")
        ]
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            return None, [Problem(path, 1, 1, "not-utf8", f"the file is {name} text", "save it as UTF-8")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [_not_utf8(raw, err.start, path)]
    problems = [_control(text, match.start(), path) for match in CONTROL.finditer(text)]
    if problems:
        return None, problems[:MAX_CONTROL_REPORTS]
    return text, []


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _not_utf8(raw: bytes, start: int, path: str) -> Problem:
    good = raw[:start].decode("utf-8", errors="replace")
    line, col = position(good, len(good))
    hint = "save it as UTF-8"
    try:
        raw.decode("gb18030")
        hint = "it looks like GBK/GB18030 text: save it as UTF-8"
    except UnicodeDecodeError:
        pass
    return Problem(path, line, col, "not-utf8", f"byte 0x{raw[start]:02x} at offset {start} is not UTF-8", hint)


def _control(text: str, offset: int, path: str) -> Problem:
    line, col = position(text, offset)
    return Problem(path, line, col, "control-char", f"control character U+{ord(text[offset]):04X}", "delete it")
