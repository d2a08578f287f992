"""The browser's index: postings, exact names, buckets and display rows."""

from __future__ import annotations

from stdcat.search.documents import Doc
from stdcat.search.index import EXACT, build, fnv1a


def doc(key: str, title: str, names: tuple[str, ...] = (), body: tuple[str, ...] = ()) -> Doc:
    return Doc(key, f"standard/{key}/", "standard", "标准", title, "体系 › 光伏", (title, *names), body)


def decode(postings: list[int]) -> dict[int, bool]:
    out, number = {}, -1
    for value in postings:
        number += value >> 1
        out[number] = bool(value & 1)
    return out


def test_postings_say_which_documents_and_whether_a_name_holds_the_token():
    index = build([doc("a", "光伏组件", body=("储能",)), doc("b", "储能电站", ("电站",), ("光伏",))])
    tokens = {t: p for bucket in index.buckets for t, p in bucket.items()}
    assert decode(tokens["光伏"]) == {0: True, 1: False}
    assert decode(tokens["储能"]) == {0: False, 1: True}
    assert decode(tokens[EXACT + "储能电站"]) == {1: True}
    assert decode(tokens[EXACT + "电站"]) == {1: True}, "every name is exact"


def test_each_token_lives_in_the_bucket_of_its_hash():
    index = build([doc(str(i), f"标准{i}", body=(f"text{i} 碳计量 第{i}号 {i * 7919}",)) for i in range(3000)])
    assert index.meta["buckets"] == len(index.buckets) > 1
    for number, bucket in enumerate(index.buckets):
        assert all(fnv1a(token) % len(index.buckets) == number for token in bucket)


def test_meta_ranks_and_words_and_display_rows():
    index = build([doc("a", "光伏组件", body=("Solar modules 2025",))])
    assert index.meta["docs"] == [4 * 16 + 4], "title length × 16 + the standard kind's rank"
    assert index.meta["words"] == ["2025", "modules", "solar"]
    assert index.chunks == [[["standard/a/", "光伏组件", "标准", "体系 › 光伏", ["Solar modules 2025"]]]]


def test_fnv1a_is_the_32_bit_hash_of_the_utf8_bytes():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
