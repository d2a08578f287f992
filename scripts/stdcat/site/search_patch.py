"""Chinese queries in Material's search: a corrected query segmentation, patched into the built worker.

The index side works: with jieba installed, Material's search plugin cuts Chinese text into words
(碳计量标准 → 碳 · 计量 · 标准). The query side does not: the search worker cuts a query's Chinese
run into words of the index by a greedy scan that never tries a word ending at the run's last
character and drops whatever follows the last word it found (Material 9.x,
``integrations/search/query/segment``: ``for (let j = i + 1; j < query.length; j++)``). So 碳计量
becomes 碳 alone, and 计量-records are lost among every 碳-record.

The replacement segments the whole run: the fewest characters outside the index's words, then the
fewest words, then the most frequent ones (so 碳计量 is 碳 + 计量, not a rare 碳计 + 量). When a run
splits into several words, every one is required (``+``), as Material does for a quoted phrase,
and only the last is a prefix (the reader may still be typing it): 碳计量 is ``+碳 +计量*``, since
a reader typing it wants records about carbon metrology, not everything about carbon.

The patch is applied to the built site's copy of the worker (``on_post_build``) and checked: if a
new Material release changes the function, ``patch`` finds no match and the build warns (so a
``--strict`` build fails) rather than silently keeping the broken segmentation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

WORKERS = Path("assets") / "javascripts" / "workers"

# The minified segment function: function NAME(query,index){let segments=new Set,cuts=new Uint16Array(…
SEGMENT = re.compile(
    r"function (?P<name>[\w$]+)\((?P<q>[\w$]+),(?P<i>[\w$]+)\)\{let (?P<s>[\w$]+)=new Set,[\w$]+=new Uint16Array\("
    r"(?P=q)\.length\);.*?return (?P=s)\.has\(\"\"\)\?new Set\(\[(?P=q)\]\):(?P=s)\}",
    re.DOTALL,
)

MARK = "stdcat: Chinese query segmentation"
REPLACEMENT = (Path(__file__).parent / "segment.js").read_text(encoding="utf-8")


def patch(source: str) -> str | None:
    """The worker's source with the segment function replaced, or None if it is not found once."""
    matches = list(SEGMENT.finditer(source))
    if len(matches) != 1:
        return None
    match = matches[0]
    function = REPLACEMENT.replace("function NAME(", f"function {match.group('name')}(", 1)
    return source[: match.start()] + function + source[match.end() :]


def patch_site(site_dir: Path) -> list[str]:
    """Patch every search worker of a built site; return the problems (empty when all went well)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if not workers:
        return [f"no search worker under {WORKERS.as_posix()}: is Material's search plugin enabled?"]
    problems = []
    for worker in workers:
        source = worker.read_text(encoding="utf-8")
        if MARK in source:
            continue  # already patched (a dirty rebuild)
        patched = patch(source)
        if patched is None:
            problems.append(
                f"{worker.name}: Material's query segmentation was not found, so Chinese queries of several "
                "words will miss: review scripts/stdcat/site/search_patch.py for this Material release"
            )
            continue
        worker.write_text(patched, encoding="utf-8")
    return problems


def compact_index(site_dir: Path) -> None:
    """Write the search index with Chinese as UTF-8 instead of ``\\uXXXX`` escapes.

    Material's search plugin escapes every non-ASCII character (six bytes for each Chinese one):
    the same index is about 40 % smaller raw and 10 % smaller gzipped, and every page loads it.
    """
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
