"""Sites for the tests: a catalog (the minimal fixture or the real one) with the project's site files,
a hostile record whose text tries every kind of markup, and a build of both languages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINIMAL, REPO, write

SITE_FILES = (
    "docs",
    "overrides",
    "mkdocs.yml",
    "mkdocs.en.yml",
    "CONTRIBUTING.md",
    "scripts/stdcat/contributing_page.py",
    "search",
)

# Markup in record text must show as text and run nothing: each of these would act if it were not
# escaped (a script, an event handler, Markdown emphasis and links, a Graphviz escape, an entity).
XSS_TITLE = (
    '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> 光伏 **粗体** [链接](javascript:x) \\N'
)
XSS_EN = '<script>window.__xss = 3</script><img src=x onerror="window.__xss = 4"> PV </title><b>bold</b>'


def xss_record(record_id: str, *, document: str, paragraph: str, quote: str, framework: str, org: str) -> str:
    """A standard whose every free text holds markup."""
    return f"""\
id: {record_id}
kind: standard
title:
  zh: '{XSS_TITLE}'
  en: '{XSS_EN}'
summary:
  zh: '摘要 <script>window.__xss = 5</script> _下划线_ `代码` <!-- 注释 -->'
  en: 'Summary <iframe src="javascript:window.__xss = 6"></iframe> # not a heading'
source:
  document: {document}
  paragraph: {paragraph}
  quote: {quote}
tags:
  - '<b onclick="window.__xss=7">标签</b>'
framework: {framework}
action: research
level: local
status: planned
lead:
  - {org}
notes:
  zh: '备注 <svg onload="window.__xss = 8"></svg>'
  en: Notes
"""


MINIMAL_XSS = xss_record(
    "xss-probe", document="plan", paragraph="p-1", quote="加快完善光伏标准", framework="pv", org="amr"
)
# The real catalog has a vocabulary of tags, so the hostile record's tag needs its English: hostile too.
XSS_VOCABULARY = """\
id: xss-probe-tags
kind: vocabulary
title:
  zh: 测试用关键词
  en: Test keywords
field: tags
terms:
  - zh: '<b onclick="window.__xss=7">标签</b>'
    en: '<b onclick="window.__xss=9">tag</b>'
"""
REAL_XSS = xss_record(
    "xss-probe",
    document="jiangxi-plan-2023",
    paragraph="p-box1-pv",
    quote="开展高效光伏组件、硅片、电池等关键产品技术要求和检测标准研究",
    framework="renewable-pv",
    org="sheng-nengyuan-ju",
)


def site_root(dest: Path, catalog: Path = MINIMAL / "catalog", extra: dict[str, str] | None = None) -> Path:
    """A repository root at ``dest``: the catalog, the schemas and the site's files, plus ``extra``."""
    shutil.copytree(catalog, dest / "catalog")
    shutil.copytree(REPO / "schema", dest / "schema")
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    for relative, content in (extra or {}).items():
        write(dest, relative, content)
    return dest


def mkdocs(root: Path, config: str, site_dir: Path, site_url: str, offline: bool = False) -> subprocess.Popen[str]:
    """Start ``mkdocs build --strict`` of one configuration (output on the process's stdout)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site_dir)]
    return subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8"
    )


def build_both(root: Path, site_dir: Path, site_url: str, offline: bool = False) -> dict[str, tuple[int, str]]:
    """Build the Chinese site into ``site_dir`` and the English one into ``site_dir/en``.

    One ``mkdocs build``, as a reader runs it: the Chinese build builds the English one beside it
    (``build_with``). Returns the build's exit status and log (both languages log into it).
    """
    process = mkdocs(root, "mkdocs.yml", site_dir, site_url, offline)
    out, _ = process.communicate(timeout=900)
    return {"zh+en": (process.returncode, out)}


def warnings(log: str) -> list[str]:
    """The lines of a MkDocs log that ``--strict`` counts (warnings and errors)."""
    return [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
