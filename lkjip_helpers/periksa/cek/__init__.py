"""The data checks, one module per subject; each adds findings to a :class:`.kumpulan.Kumpulan`
(:func:`lkjip_helpers.periksa.pemeriksaan.periksa_data` runs them in order)."""
