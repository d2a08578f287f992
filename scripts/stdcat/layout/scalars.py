"""How each value is written: block style, 2-space indentation, and one quoting rule.

A string is written plain where that is safe and reads back as the same string under both
YAML 1.2 (our loader, editors) and YAML 1.1 (older tools): so ``'2023'``, ``'2024-06-01'``,
``'1.2'``, ``'yes'`` and ``'null'`` keep their quotes, while ``pv-modules`` never gets any.
Otherwise it is single-quoted, or double-quoted when it holds characters only escapes can
write; text of several lines is a literal block (``|-``). Null is written ``null``.
"""

from __future__ import annotations

import io
from typing import Any

import yaml
from ruamel.yaml import YAML, nodes
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, SingleQuotedScalarString

from stdcat.decode import CONTROL
from stdcat.load import core_scalar

WIDTH = 4096  # long lines stay whole: folding would move text and leave trailing spaces
_STR = "tag:yaml.org,2002:str"
_YAML_1_1 = yaml.resolver.Resolver()


class _Representer(RoundTripRepresenter):
    """The round-trip representer, writing null as ``null`` rather than leaving the value empty."""


_Representer.add_representer(
    type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null")
)


class _Emitter(Emitter):
    """The round-trip emitter, preferring single quotes: ruamel.yaml switches to double quotes
    for text holding an apostrophe, but ``'it''s'`` is what the catalog has always used."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        if style == '"' and not self.event.style and "\n" not in self.event.value and self.analysis.allow_single_quoted:
            return "'"
        return style


def make_yaml() -> YAML:
    """ruamel.yaml in round-trip mode, set to the catalog's layout."""
    out = YAML(typ="rt")
    out.Representer = _Representer
    out.Emitter = _Emitter
    out.width = WIDTH
    out.indent(mapping=2, sequence=4, offset=2)
    out.allow_unicode = True
    return out


_WRITER = make_yaml()


def reads_as_text(value: str) -> bool:
    """Whether ``value`` written plain reads back as this string in YAML 1.2 and 1.1 alike."""
    if not isinstance(core_scalar(value), str):
        return False
    if _YAML_1_1.resolve(yaml.ScalarNode, value, (True, False)) != _STR:
        return False
    return _WRITER.resolver.resolve(nodes.ScalarNode, value, (True, False)) == _STR


def styled_string(value: str) -> str:
    """``value`` as a string whose type tells ruamel.yaml how to write it (plain: the emitter decides)."""
    if "\n" in value:
        return DoubleQuotedScalarString(value) if CONTROL.search(value) else LiteralScalarString(value)
    return value if reads_as_text(value) else SingleQuotedScalarString(value)


def styled(value: Any) -> Any:
    """Plain values as ruamel.yaml's round-trip types, in block style, with their string styles set."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[styled_string(key) if isinstance(key, str) else key] = styled(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(styled(item) for item in value)
    if isinstance(value, str):
        return styled_string(value)
    return value


def dump(value: dict[str, Any]) -> str:
    """The YAML text of a record's values, without comments."""
    out = io.StringIO()
    _WRITER.dump(styled(value), out)
    return out.getvalue()
