"""The search worker patch: it finds Material's segment function exactly once, and says so when not."""

from __future__ import annotations

import json
from pathlib import Path

import material

from stdcat.site import search_patch

WORKERS = Path(material.__file__).parent / "templates" / search_patch.WORKERS


def test_patch_replaces_the_installed_workers_segmentation_once():
    [worker] = WORKERS.glob("search.*.min.js")
    source = worker.read_text(encoding="utf-8")
    patched = search_patch.patch(source)
    assert patched is not None
    assert patched.count(search_patch.MARK) == 1
    assert "new Uint16Array" not in patched.split(search_patch.MARK, 1)[1].split("function Oe", 1)[0]
    assert search_patch.patch(patched) is None, "the patched worker no longer has Material's function"


def test_patch_site_reports_a_worker_it_cannot_patch(tmp_path):
    folder = tmp_path / search_patch.WORKERS
    folder.mkdir(parents=True)
    (folder / "search.1234.min.js").write_text("function other(){}", encoding="utf-8")
    [problem] = search_patch.patch_site(tmp_path)
    assert "search.1234.min.js" in problem and "not found" in problem
    assert search_patch.patch_site(tmp_path / "nowhere")[0].startswith("no search worker")


def test_patch_site_patches_once(tmp_path):
    folder = tmp_path / search_patch.WORKERS
    folder.mkdir(parents=True)
    [worker] = WORKERS.glob("search.*.min.js")
    target = folder / worker.name
    target.write_text(worker.read_text(encoding="utf-8"), encoding="utf-8")
    assert search_patch.patch_site(tmp_path) == []
    once = target.read_text(encoding="utf-8")
    assert search_patch.patch_site(tmp_path) == [], "a second run (dirty rebuild) leaves it alone"
    assert target.read_text(encoding="utf-8") == once


def test_compact_index_keeps_the_data_and_drops_the_escapes(tmp_path):
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    data = {
        "config": {"separator": "[\\s\\u200b]+"},
        "docs": [{"location": "", "title": "光伏\u200b发电", "text": "<b>"}],
    }
    index.write_text(json.dumps(data), encoding="utf-8")
    search_patch.compact_index(tmp_path)
    text = index.read_text(encoding="utf-8")
    assert json.loads(text) == data
    assert "光伏" in text and "\\u5149" not in text
