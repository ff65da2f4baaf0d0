"""lkjip_helpers — load, check, compute, format and plot an LKjIP for one satker and year."""

__version__ = "0.1.0"
