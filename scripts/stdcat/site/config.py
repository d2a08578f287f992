"""The options of the ``stdcat`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class StdcatConfig(base.Config):
    """Options, set under ``plugins: - stdcat:`` in ``mkdocs.yml``.

    Attributes:
        lang: the language of this build (``zh`` or ``en``); one build per language.
        languages: each language's folder in the published site ("" for the root); the language
            switch and the ``hreflang`` links come from it.
        root: the repository root holding ``catalog/`` and ``schema/`` (default: the folder of
            ``mkdocs.yml``).
        branch: the branch that "edit this record" links open on GitHub.
        build_with: other configurations (the other languages) that ``mkdocs build``,
            ``gh-deploy`` and ``serve`` of this one build into their language folder, so that one
            command publishes or serves every language.
    """

    lang = c.Choice(("zh", "en"), default="zh")
    languages = c.Type(dict, default={"zh": "", "en": "en/"})
    root = c.Optional(c.Type(str))
    branch = c.Type(str, default="main")
    build_with = c.ListOfItems(c.Type(str), default=[])
