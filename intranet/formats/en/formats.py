# Display formats (see intranet/formats/__init__.py): the same in every language of the interface.
DATE_FORMAT = SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "j.n.Y H:i"
MONTH_DAY_FORMAT = "j.n."
