"""The benchmark: synthetic catalogs of any size, and measurements against baselines."""
