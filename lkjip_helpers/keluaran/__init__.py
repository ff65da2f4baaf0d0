"""Renderers of a finished report: stitched HTML, PDF, Excel workbook, CSV."""
