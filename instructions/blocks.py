"""StreamField blocks of an instruction's body.

Headings feed the automatic table of contents (InstructionPage.sections), so
they are a block of their own rather than a rich-text feature; attachments are
recorded per page (records.InstructionAttachment) so that the document view
can check the instruction's audience before serving the file.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=200)
    text = blocks.RichTextBlock(label=_("details"), required=False, features=TEXT_FEATURES)


class StepsBlock(blocks.StructBlock):
    """Numbered steps: what to do, in order."""

    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("numbered steps")
        template = "instructions/blocks/steps.html"


class NoticeBlock(blocks.StructBlock):
    """A warning ("do not ...") or a tip, set apart from the text."""

    kind = blocks.ChoiceBlock(
        choices=[("warning", _("Warning")), ("tip", _("Tip"))], default="tip", label=_("kind")
    )
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("warning or tip")
        template = "instructions/blocks/notice.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("document attachment")
        template = "instructions/blocks/attachment.html"


class LegalReferenceBlock(blocks.StructBlock):
    """A statute or regulation the instruction rests on, with a link to its text (Finlex, EUR-Lex)."""

    statute = blocks.CharBlock(
        label=_("statute"),
        max_length=200,
        help_text=_("E.g. Laki julkisesta työvoima- ja yrityspalvelusta (916/2012)"),
    )
    section = blocks.CharBlock(
        label=_("section"), required=False, max_length=100, help_text=_("E.g. 7 luku 1 §")
    )
    url = blocks.URLBlock(label=_("link"), required=False)

    class Meta:
        icon = "link"
        label = _("legal reference")
        template = "instructions/blocks/legal_reference.html"


class InstructionBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("heading"), form_classname="title", max_length=150)
    paragraph = blocks.RichTextBlock(label=_("rich text"), features=TEXT_FEATURES + ["h3"])
    steps = StepsBlock()
    notice = NoticeBlock()
    table = TableBlock(label=_("table"), template="instructions/blocks/table.html")
    attachment = AttachmentBlock()
    legal_reference = LegalReferenceBlock()
