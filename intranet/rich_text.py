"""The admin's rich text editor (Draftail) with input it cannot read treated as empty, never as a server error.

Wagtail's ``DraftailRichTextArea`` parses the posted editor state with ``json.loads`` and walks it without
checks, so an empty or malformed value (a request not made by the editor, an empty Swedish text) raised a 500.
Here such a value counts as no text: a required field then gets the form's "This field is required." error and
an optional one (a Swedish version) stays empty. The browser's editor always posts a readable state.
"""

from wagtail.admin.rich_text import DraftailRichTextArea

UNREADABLE = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)


class TolerantDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        posted = data.get(name)
        if posted is None:
            return None
        if not isinstance(posted, str) or not posted.strip():
            return ""
        try:
            return super().value_from_datadict(data, files, name)
        except UNREADABLE:
            return ""
