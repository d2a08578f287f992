"""Search relevance: the judged query set and self-retrieval, on each of the three search engines.

The engines are the served site (the search box of ``./dev build``, over HTTP), the offline copy
(the search box of ``./dev offline``, from ``file://``) and the SQLite download's full-text index.
The two sites are driven as a reader drives them: the query goes into Material's search box in
Debian's Chromium and the links of the results shown are read back; a result's address says which
record (or paragraph of the plan) it is.

- The judged set (``tests/search/judged.yaml``): each query names the records that should come
  first. hit@k: one of them is among the first k results; MRR: the mean of 1 / the rank of the
  first of them (0 when none is among the first 10); empty: the share of queries with no result.
- Self-retrieval: every record's Chinese title typed on the Chinese site (and the English title on
  the English one; both on the SQLite index) must put that record among the first 3.

``sample`` keeps every n-th query and record: the test suite runs the same code at a fast size.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

JUDGED = Path("tests") / "search" / "judged.yaml"
DEPTH = 10  # results read per query

# Runs in the page: put the query into the box as a reader's typing would leave it, then wait until
# the results have settled (the list has not changed for `quiet` ms); return the result links.
ASK = """async ([query, quiet]) => {
  const box = document.querySelector(".md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const keyup = () => box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  const state = () => meta.textContent + "|" + list.innerHTML.length;
  /* wait until `ready` holds and the list has not changed for `ms` */
  const settle = async (ready, ms) => {
    let last = null, same = 0;
    for (let t = 0; t < 1000; t++) {
      await sleep(10);
      const now = state();
      same = ready() && now === last ? same + 1 : 0;
      last = now;
      if (same * 10 >= ms) return true;
    }
    return false;
  };
  box.value = ""; keyup();
  await settle(() => !list.children.length, 40);
  const idle = meta.textContent;
  box.value = query; keyup();
  await settle(() => meta.textContent !== idle, quiet);
  return [...list.querySelectorAll(".md-search-result__item > a.md-search-result__link")]
    .map(a => a.getAttribute("href"));
}"""


@dataclass(frozen=True)
class Query:
    text: str
    lang: str
    need: str
    want: tuple[str, ...]


@dataclass
class Scores:
    """The figures of one engine on a list of queries."""

    ranks: list[int | None] = field(default_factory=list)  # 1-based rank of the first wanted result
    empty: list[bool] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # queries not answered in the first 3, with what came

    def add(self, query: str, results: list[str], want: Iterable[str]) -> None:
        wanted = set(want)
        rank = next((i + 1 for i, r in enumerate(results[:DEPTH]) if r in wanted), None)
        self.ranks.append(rank)
        self.empty.append(not results)
        if rank is None or rank > 3:
            self.misses.append(f"{query} → {', '.join(results[:3]) or '(nothing)'}")

    def figures(self) -> dict[str, Any]:
        n = len(self.ranks) or 1
        return {
            "queries": len(self.ranks),
            "hit@1": round(sum(1 for r in self.ranks if r == 1) / n, 4),
            "hit@3": round(sum(1 for r in self.ranks if r is not None and r <= 3) / n, 4),
            "mrr": round(sum(1 / r for r in self.ranks if r) / n, 4),
            "empty": round(sum(self.empty) / n, 4),
        }


def judged(root: Path, sample: int = 1) -> list[Query]:
    """The judged queries (every ``sample``-th)."""
    data = yaml.safe_load((root / JUDGED).read_text(encoding="utf-8"))
    queries = [Query(str(q["q"]), q["lang"], q["need"], tuple(q["want"])) for q in data["queries"]]
    return queries[::sample]


def titles(catalog: Any, lang: str, sample: int = 1) -> list[tuple[str, str]]:
    """(title in ``lang``, record id) for every record readers' search holds (every ``sample``-th)."""
    from stdcat.search.documents import KIND_ORDER

    out = [(r.title(lang), r.id) for kind in KIND_ORDER for r in catalog.by_kind(kind)]
    return out[::sample]


def record_of(href: str, base: str, text_id: str) -> str:
    """The record (or plan paragraph) a result link points to: ``standard/x/`` → ``x``,
    ``glossary/#term-x`` → ``term-x``, ``plan/#p-1`` → ``p-1``; other pages by their path."""
    where = urlsplit(href)
    path = unquote(where.path)
    base_path = unquote(urlsplit(base).path)
    path = path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")
    path = re.sub(r"^en/", "", path)
    path = re.sub(r"(/index)?\.html$", "/", path)
    fragment = unquote(where.fragment)
    parts = [p for p in path.split("/") if p]
    if parts[:1] in (["glossary"], ["plan"]) and fragment:
        return fragment
    if parts == ["plan"]:
        return text_id
    if len(parts) == 2:
        return parts[1]
    return path


class BrowserEngine:
    """A built site's search box in Chromium: ``url`` is the language's home page."""

    def __init__(self, browser: Any, url: str, base: str, text_id: str, quiet: int = 120) -> None:
        self.page = browser.new_page()
        self.page.goto(url)
        self.page.locator(".md-search__input").click()
        self.base, self.text_id, self.quiet = base, text_id, quiet

    def __call__(self, query: str) -> list[str]:
        hrefs = self.page.evaluate(ASK, [query, self.quiet])
        seen: list[str] = []
        for href in hrefs:
            found = record_of(href, self.base, self.text_id)
            if found not in seen:
                seen.append(found)
        return seen

    def close(self) -> None:
        self.page.close()


def sqlite_engine(db_path: Path) -> Callable[[str], list[str]]:
    """The SQLite download's search, as its ``meta`` table tells a reader to run it."""
    from stdcat.search import sqlite as search_sqlite

    db = sqlite3.connect(db_path)
    return lambda query: search_sqlite.search(db, query, limit=DEPTH)


def run(ask: Callable[[str], list[str]], queries: Iterable[Query]) -> Scores:
    scores = Scores()
    for query in queries:
        scores.add(query.text, ask(query.text), query.want)
    return scores


def self_retrieval(ask: Callable[[str], list[str]], pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The share of records whose title puts them in the first 3, and the ones that fail."""
    failures, total = [], 0
    for title, record_id in pairs:
        total += 1
        results = ask(title)
        if record_id not in results[:3]:
            failures.append(f"{record_id} → {', '.join(results[:3]) or '(nothing)'}")
    return {"records": total, "rate": round(1 - len(failures) / (total or 1), 4), "failures": failures}


def measure(
    root: Path, catalog: Any, site: Path, offline: Path | None, db: Path | None, *, served_url: str, sample: int = 1
) -> dict[str, Any]:
    """Every figure for every engine: the served site at ``served_url`` (serving ``site``), the offline
    copy in the folder ``offline`` (opened from file://) and the SQLite file ``db``."""
    from stdcat.bench.browser import chromium

    queries = judged(root, sample)
    text_id = next((r.id for r in catalog.by_kind("text")), "")
    result: dict[str, Any] = {}
    engines: list[tuple[str, Any]] = [("served", served_url)]
    if offline is not None:
        engines.append(("offline", offline.as_uri() + "/"))
    with chromium() as browser:
        for name, base in engines:
            result[name] = _site(browser, base, text_id, queries, catalog, sample)
    if db is not None:
        ask = sqlite_engine(db)
        scores = run(ask, queries)
        result["sqlite"] = {
            **scores.figures(),
            "misses": scores.misses,
            "self": {lang: self_retrieval(ask, titles(catalog, lang, sample)) for lang in ("zh", "en")},
        }
    return result


def _site(browser: Any, base: str, text_id: str, queries: list[Query], catalog: Any, sample: int) -> dict[str, Any]:
    home = "index.html" if base.startswith("file:") else ""
    scores, selves = Scores(), {}
    for lang, folder in (("zh", ""), ("en", "en/")):
        engine = BrowserEngine(browser, base + folder + home, base, text_id)
        try:
            for query in (q for q in queries if q.lang == lang):
                scores.add(query.text, engine(query.text), query.want)
            selves[lang] = self_retrieval(engine, titles(catalog, lang, sample))
        finally:
            engine.close()
    return {**scores.figures(), "misses": scores.misses, "self": selves}
