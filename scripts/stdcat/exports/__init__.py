"""Exports: the validated catalog in forms other tools can use, one module per format.

Every export reads only the ``Context`` (the validated Catalog, the schemas, the site URL) and
writes under one output folder, the site root; the same catalog gives the same bytes.

=========  =====================================================================  =================
format     files (under the site root)                                            module
=========  =====================================================================  =================
json       ``data/index.json``, ``data/<kind>.json``, ``data/records/<id>.json``  ``json_data``
csv        ``data/<kind>.csv``, ``data/detail.csv``, ``data/detail-en.csv``       ``csv_tables``
xlsx       ``data/detail.xlsx`` (标准明细表 and an English sheet)                 ``xlsx_table``
sqlite     ``data/catalog.sqlite``                                                ``sqlite_db``
bib        ``data/catalog.bib``                                                   ``citation``
changes    ``data/changes.json``, ``changes.atom`` (from git)                     ``feed``
schema     ``schema/<kind>.schema.json`` at their ``$id``                         ``schema_docs``
=========  =====================================================================  =================
"""
