"""The one segmentation: what a text is indexed under and what a query looks up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stdcat.search.tokens import index_tokens, normalize, query_tokens, squash


def test_chinese_runs_give_characters_and_pairs_when_indexed():
    assert index_tokens("碳足迹") == ["碳", "足", "迹", "碳足", "足迹"]
    assert index_tokens("钨") == ["钨"]


def test_a_query_looks_up_pairs_or_its_one_character():
    assert query_tokens("标准物质") == ["标准", "准物", "物质"]
    assert query_tokens("钨") == ["钨"]
    assert query_tokens("碳 足迹") == ["碳", "足迹"], "a space ends a run"
    assert query_tokens("碳碳碳") == ["碳碳"], "without repeats"


def test_latin_words_lower_case_and_digits():
    assert query_tokens("DB36/T 1234-2024") == ["db36", "t", "1234", "2024"]
    assert index_tokens("IC载板") == ["ic", "载", "板", "载板"]


def test_full_width_and_invisible_characters_are_normalized():
    assert query_tokens("ＣＣＵＳ") == ["ccus"]
    assert query_tokens("２０６０") == ["2060"]
    assert normalize("标准\u200b物质\u3000") == "标准物质 "
    assert query_tokens("标准\u200b物质") == query_tokens("标准物质")


def test_squash_keeps_only_what_is_searched():
    assert squash("“江西绿色生态”标准体系") == "江西绿色生态标准体系"
    assert squash("Carbon capture, utilization and storage (CCUS)") == "carboncaptureutilizationandstorageccus"


@given(st.text(alphabet=st.sampled_from(list("碳足迹标准物质计量 abc XYZ 09，、-（）")), max_size=30), st.data())
def test_whatever_occurs_in_a_text_finds_it(text, data):
    """The promise of the segmentation: any part of a text (Latin words whole), typed as a query,
    looks up only tokens the text is indexed under."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    part = text[start:end]
    words = set(index_tokens(text))
    assert {t for t in query_tokens(part) if t in words or not t.isascii()} <= words
    assert set(query_tokens(text)) <= words
