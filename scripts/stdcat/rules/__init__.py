"""The cross-record rules, one per module, run in this order after the schemas."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from stdcat.problem import Problem
from stdcat.rules import (
    citations,
    evidence,
    framework,
    ids,
    lifecycle,
    numbers,
    plan_text,
    references,
    targets,
    text_quality,
    vocabulary,
)
from stdcat.rules.base import Context

Rule = Callable[[Context], Iterator[Problem]]

RULES: dict[str, Rule] = {
    "ids": ids.check,
    "references": references.check,
    "framework": framework.check,
    "lifecycle": lifecycle.check,
    "numbers": numbers.check,
    "text-quality": text_quality.check,
    "citations": citations.check,
    "plan-text": plan_text.check,
    "targets": targets.check,
    "evidence": evidence.check,
    "vocabulary": vocabulary.check,
}

__all__ = ["RULES", "Context", "Rule"]
