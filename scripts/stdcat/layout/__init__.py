"""The canonical layout of a record file, which ``python -m stdcat fmt`` writes and checks.

One job per module: ``order`` (the schema's key order), ``comments`` (comments survive
reordering), ``scalars`` (how each value is written), ``canonical`` (text in, canonical text
out), ``cache`` (skip files already known to be canonical).
"""
