"""The Atom feed generator of the news and instruction-change feeds: summaries are plain text.

Django's ``Atom1Feed`` writes ``<summary type="html">`` and escapes the text once, so a feed reader decodes a
lead such as ``<script>…</script>`` back into markup. Leads and change notes are plain text, so the summary is
written as ``type="text"``: a reader shows exactly the characters the author typed and renders no markup.
"""

from django.utils.feedgenerator import Atom1Feed


class PlainTextAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item.get("description") is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
