"""Data entry: how a satker's data files get written.

``buku_kerja/`` is the Excel workbook round trip (``lkjip templat``, ``ekspor``, ``impor``);
``kerangka.py`` writes the commented YAML scaffold of a new satker (``lkjip baru``). Both write
the files that :mod:`lkjip_helpers.muat` reads; loading never imports this package.
"""
