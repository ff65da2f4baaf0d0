"""Shared test set-up."""

from lkjip_helpers.bangun.susun import lewati_rfc3987_syntax

# nbformat -> jsonschema would import rfc3987_syntax, which compiles ~40 grammars (≈ 2,5 s);
# the build skips it the same way (see lkjip_helpers.build.lewati_rfc3987_syntax).
lewati_rfc3987_syntax()
