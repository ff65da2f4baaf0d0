"""The roll-up (rekap) across satkers: its figures per satker (:mod:`.angka`) and the sections
of the roll-up notebook (:mod:`.bagian`), built on the report's document model. The build of
the roll-up document is :mod:`lkjip_helpers.bangun.rekap`.
"""
