"""Record text in Markdown: whatever it holds, it comes out as the same text and nothing else."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from stdcat.site.markdown import Slugs, esc, front_matter, heading
from tests.site.conftest import to_html

# Printable text with every ASCII punctuation mark and some Chinese, as record titles hold.
TEXT = st.text(
    alphabet=st.sampled_from([*list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ abcXYZ019光伏碳计量□〔〕（）、。"), "\u3000"]),
    max_size=40,
)


def inner(rendered: str) -> str:
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    return html.unescape(rendered[3:-4])


@settings(max_examples=300, deadline=None)
@given(TEXT.filter(lambda s: s.strip()))
def test_escaped_text_renders_as_itself(text):
    assert inner(to_html(esc(text))) == " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(TEXT.filter(lambda s: s.strip()))
def test_heading_text_and_anchor(text):
    rendered = to_html(heading(2, text, "fixed-id"))
    assert rendered.startswith('<h2 id="fixed-id">'), rendered
    assert html.unescape(rendered[len('<h2 id="fixed-id">') : -len("</h2>")]) == " ".join(text.split())


def test_front_matter_is_yaml_not_formatting():
    assert front_matter({"title": "a: b\n---"}) == "---\ntitle: 'a: b\n\n  ---'\n---\n\n"
    assert front_matter({}) == ""


def test_slugs_are_unique_and_keep_chinese():
    slugs = Slugs()
    assert slugs("光伏 发电", "tag-") == "tag-光伏-发电"
    assert slugs("光伏/发电", "tag-") == "tag-光伏-发电-2"
    assert slugs("光伏 发电", "tag-") == "tag-光伏-发电", "the same text keeps its slug"
