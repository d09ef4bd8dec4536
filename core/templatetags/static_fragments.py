"""``{% include_static "name.html" %}``: a template that needs no context, rendered once per process and language.

For fragments made only of translated text (the chat's strings for its script,
about forty translations): rendering them on every page view cost about a
millisecond each time. They depend only on the template and the compiled
catalogs, both of which change only with a deploy, which starts new processes.
With DEBUG (templates edited while the server runs) they are rendered each time.
"""

import functools

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@functools.lru_cache(maxsize=64)
def _rendered(name: str, language: str | None) -> str:
    return mark_safe(get_template(name).render({}))


@register.simple_tag
def include_static(name: str) -> str:
    if settings.DEBUG:
        return mark_safe(get_template(name).render({}))
    return _rendered(name, get_language())
