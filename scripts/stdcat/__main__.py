"""Run the command line: ``python -m stdcat …``."""

from stdcat.cli import main

raise SystemExit(main())
