"""Every problem code the checker can report, with a one-line summary.

Reporters, the documentation page and the tests read this table; a code used anywhere
else must be listed here (a test enforces it).
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # bytes and YAML
    "not-utf8": "The file is not UTF-8 text.",
    "control-char": "The file holds a control character.",
    "symlink": "The record file is a symbolic link.",
    "file-too-large": "The file is larger than a record can be (1 MiB).",
    "empty-file": "The file holds no record.",
    "yaml-syntax": "The file is not valid YAML.",
    "duplicate-key": "A mapping holds the same key twice.",
    "yaml-tag": "A YAML tag outside the core schema (such as !!python/object) is used.",
    "yaml-alias": "An anchor, alias or merge key is used; records spell every value out.",
    "multiple-documents": "The file holds more than one YAML document.",
    "not-a-mapping": "The top level of the file is not a mapping of fields.",
    "key-type": "A mapping key is not a string.",
    "too-deep": "Values are nested deeper than any record needs.",
    # schema
    "unknown-kind": "The record has no kind, or a kind the catalog does not know.",
    "synonym-empty": "A phrase of search/synonyms.yaml has no letter, digit or Chinese character to search for.",
    "missing-field": "A required field is missing.",
    "unknown-field": "A field is not defined for this kind of record.",
    "type": "A value has the wrong type.",
    "enum": "A value is not one of the allowed values.",
    "pattern": "A value does not have the required form.",
    "format": "A value is not a valid date or address.",
    "schema": "A value breaks another constraint of the schema.",
    # catalog rules
    "file-name": "The record's id differs from its file name.",
    "kind-folder": "The record is not in the folder of its kind.",
    "duplicate-id": "Two records have the same id.",
    "broken-ref": "A reference names no record or paragraph.",
    "ref-kind": "A reference names a record of the wrong kind.",
    "self-ref": "A record refers to itself.",
    "framework-root": "The framework does not have exactly one root.",
    "framework-cycle": "Framework nodes form a cycle.",
    "framework-code": "A framework code does not extend its parent's code, or is used twice.",
    "status-history": "The status and its dated history disagree.",
    "status-number": "The status, the number and the dates disagree.",
    "date-order": "Dates are out of order.",
    "number-format": "A standard or specification number does not match the format of its level.",
    "mojibake": "Text holds encoding damage.",
    "placeholder": "A placeholder such as TODO is left in.",
    "citation": "A source cites a document with a text but no paragraph and quote.",
    "tag-untranslated": "A record's keyword (tag) has no English in the catalog's vocabulary of tags.",
    "vocabulary-duplicate": "A vocabulary translates the same word twice.",
    "quote": "The quote does not occur in the cited paragraph.",
    "text-repair": "The repairs applied to the damaged text do not give the repaired text.",
    "duplicate-paragraph": "Two paragraphs have the same id.",
    "target-selector": "A target's selector names a field or value the counted kind does not have.",
    "target-value": "A target's value, comparator and uncertainty disagree.",
    "evidence": "Evidence names a field the record does not have.",
    # layout (python -m stdcat fmt --check)
    "not-canonical": "The file is not in the canonical layout that `python -m stdcat fmt` writes.",
}
