"""stdcat: the tooling of the Jiangxi dual-carbon standards and metrology catalog."""

__version__ = "0.1.0"
