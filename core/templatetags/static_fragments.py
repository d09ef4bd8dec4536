"""``{% include_static "name.html" %}``: a template that needs no context, rendered once per process and language;
``{% static_block %}…{% endstatic_block %}``: the same for a part of a template (the site shell's links,
labels and translations around the parts that change per request).

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
from django.urls import get_script_prefix, get_urlconf
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


class StaticBlockNode(template.Node):
    """Renders its contents without the page's context (a variable inside renders empty), once per process,
    language, URL prefix and URLconf and static URL (tests override those), and keeps the HTML on the node,
    which lives as long as the compiled template."""

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.rendered: dict[tuple, str] = {}

    def render(self, context):
        if settings.DEBUG:
            return self.nodelist.render(context.new())
        key = (get_language(), get_script_prefix(), get_urlconf(), settings.STATIC_URL)
        html = self.rendered.get(key)
        if html is None:
            html = self.nodelist.render(context.new())
            if len(self.rendered) < 64:
                self.rendered[key] = html
        return html


@register.tag
def static_block(parser, token):
    nodelist = parser.parse(("endstatic_block",))
    parser.delete_first_token()
    return StaticBlockNode(nodelist)
