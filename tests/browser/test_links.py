"""Every internal link of the built site resolves: href and src of every element, xlink:href in the
SVG diagrams, and every fragment (#id) to an element of the target page. Both languages, all pages.
Nothing is fetched from another host: scripts, styles, images and fonts are all the site's own.
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

LINK_ATTRS = {"href", "src", "xlink:href", "action", "poster"}
RESOURCE_TAGS = {"script", "img", "iframe", "source", "audio", "video", "embed"}


class Page(HTMLParser):
    """The ids and the links of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in LINK_ATTRS or (name == "srcset"):
                self.links.append((tag, name, value))

    handle_startendtag = handle_starttag


@cache
def parse(file: Path) -> Page:
    page = Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


def resolve(site: Path, file: Path, url: str) -> tuple[Path | None, str]:
    """The file a link names, resolved from ``file`` as a browser resolves it, and its fragment."""
    here = "http://site/" + quote(file.relative_to(site).as_posix())
    parts = urlsplit(urljoin(here, url))
    if parts.netloc != "site":
        return None, ""
    candidate = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate, unquote(parts.fragment)


def test_every_internal_link_resolves(site):
    root = site.root
    files = sorted(root.rglob("*.html"))
    assert len(files) > 600, "both languages, every page"
    broken: list[str] = []
    checked = 0
    for file in files:
        for tag, attr, value in parse(file).links:
            scheme = urlsplit(value).scheme
            if scheme in ("http", "https", "mailto", "data", "javascript") or value.startswith("//"):
                continue
            checked += 1
            target, fragment = resolve(root, file, value)
            where = f"{file.relative_to(root)}: <{tag} {attr}={value!r}>"
            if target is None or not target.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{where}: no element with id {fragment!r}")
    assert checked > 20_000
    assert broken == [], f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def test_no_resource_comes_from_another_host(site):
    offenders = []
    for file in sorted(site.root.rglob("*.html")):
        for tag, attr, value in parse(file).links:
            external = urlsplit(value).scheme in ("http", "https") or value.startswith("//")
            if external and (tag in RESOURCE_TAGS or (tag == "link" and attr == "href" and "alternate" not in value)):
                if tag == "link" and not value.endswith((".css", ".js", ".woff", ".woff2", ".ico", ".png", ".svg")):
                    continue  # canonical and alternate links name pages, they load nothing
                offenders.append(f"{file.relative_to(site.root)}: <{tag} {attr}={value}>")
    assert offenders == []
    for css in site.root.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


def test_diagram_links_are_checked_too(site):
    """The crawler sees the SVG's xlink:href (Graphviz's links), not only <a href>."""
    home = parse(site.root / "index.html")
    svg_links = [value for tag, attr, value in home.links if attr == "xlink:href"]
    assert len(svg_links) >= 30 and "framework/renewable-pv/" not in svg_links  # overview: areas only
    assert "framework/renewable-energy/" in svg_links
