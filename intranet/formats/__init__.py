"""One date format per language (FORMAT_MODULE_PATH; docs/architecture.md, "Dates").

Finnish, Swedish (as written in Finland) and English all show a date as
6.12.2026: day and month without leading zeros, the way Kielitoimisto
recommends and Finland-Swedish usage follows. Django's own Swedish and English
formats (2026-12-06, 12/06/2026, Dec. 6, 2026) would otherwise appear beside it.
Only the display formats are set here; what forms accept stays Django's.
"""
