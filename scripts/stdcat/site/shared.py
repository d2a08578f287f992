"""Parts of the theme's page drawn once and shared by the pages outside the navigation.

Material draws the whole navigation (and the tabs) into every page; at ten thousand record pages
that was a third of the build. A page outside the navigation has no active item, so its
navigation depends only on its folder depth (the relative links): ``overrides/partials/nav.html``
and ``tabs.html`` ask ``cached`` for it by that key, and the theme draws it on the first miss.
The templates reach Material's own partials under the ``material/`` prefix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2


class SharedParts:
    """One build's cache of drawn parts, and the Jinja hooks that use it."""

    def __init__(self) -> None:
        self.parts: dict[str, str] = {}

    def cached(self, key: str, caller: Callable[[], str]) -> str:
        if key not in self.parts:
            self.parts[key] = caller()
        return self.parts[key]

    def install(self, env: jinja2.Environment, theme_dirs: list[str]) -> None:
        """Add ``stdcat_cached`` and the ``material/`` prefix for the theme's own templates."""
        env.globals["stdcat_cached"] = self.cached
        # The theme's own folder has its mkdocs_theme.yml; overrides/ copies some of its partials.
        material = next((d for d in theme_dirs if (Path(d) / "mkdocs_theme.yml").is_file()), None)
        if material is not None and env.loader is not None:
            env.loader = jinja2.ChoiceLoader(
                [env.loader, jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(material)})]
            )
