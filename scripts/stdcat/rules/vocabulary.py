"""Every keyword (tag) of a record has its English in a vocabulary of tags, and only once.

The English site shows tags in English: they are translated as data, in ``catalog/vocabulary/``
(records of kind ``vocabulary`` with ``field: tags``). A catalog without any such vocabulary is not
checked (a small test catalog); once one exists, every tag must be in it.

Passes: a record tagged ``光伏`` and a vocabulary with ``{zh: 光伏, en: photovoltaics}``.
Fails: a tag that no vocabulary translates (tag-untranslated, at the tag); a word translated twice,
in one vocabulary or two (vocabulary-duplicate, at the second).
"""

from __future__ import annotations

from collections.abc import Iterator

from stdcat.problem import Problem
from stdcat.rules.base import Context, problem


def check(ctx: Context) -> Iterator[Problem]:
    vocabularies = [v for v in ctx.catalog.by_kind("vocabulary") if v.get("field") == "tags"]
    if not vocabularies:
        return
    known: set[str] = set()
    for vocabulary in vocabularies:
        for i, term in enumerate(vocabulary.get("terms") or []):
            word = term.get("zh") if isinstance(term, dict) else None
            if not isinstance(word, str):
                continue
            if word in known:
                yield problem(
                    vocabulary, ("terms", i, "zh"), "vocabulary-duplicate", f"'{word}' is translated twice",
                    "keep one translation of each word",
                )  # fmt: skip
            known.add(word)
    for record in ctx.catalog.records.values():
        tags = record.get("tags")
        for i, tag in enumerate(tags if isinstance(tags, list) else []):
            if isinstance(tag, str) and tag not in known:
                yield problem(
                    record, ("tags", i), "tag-untranslated", f"the tag '{tag}' has no English in a vocabulary",
                    f"add {{zh: {tag}, en: …}} to a vocabulary in catalog/vocabulary/",
                )  # fmt: skip
