from django import template

from intranet.navigation import section_title as _section_title

register = template.Library()


@register.filter
def section_title(page) -> str:
    """``{{ page|section_title }}``: intranet.navigation.section_title."""
    return _section_title(page)
