"""The library section and the instruction page.

Relationships (docs/instructions.md has the whole picture):

* :class:`InstructionLibraryPage` ("Ohjeet", ``/ohjeet/``, one per language
  tree) holds every :class:`InstructionPage`. The instruction owners' page
  permissions are granted on it (core/roles.py).
* An instruction has one **owner unit** (:class:`teams.models.Unit`); the
  members of "Ohjeiden omistajat" in that unit edit it (instructions.permissions)
  and are reminded of its review date. **Contact people** are Persons.
* Its **audience** is a set of agency kinds (KEHA, ELY, TE, municipal pilot);
  none ticked means everyone. Unlike news targeting this is access control:
  people of other kinds cannot open the page, its attachments or find it
  anywhere (instructions.access).
* A Swedish version is a Wagtail translation (same ``translation_key``, locale
  ``sv``). Metadata (audience, owner, dates, topic, kind) is the original's:
  it is copied to the translations whenever the original is published
  (instructions.changelog), so every row can be filtered on its own.
* **Topic** and **process area** are snippets; **related** instructions and a
  **replacement** (for an expired instruction) point at other instruction pages.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.page_forms import AsciiSlugPageForm
from core.shell_cache import RestrictionsCachedPage
from instructions.blocks import InstructionBodyBlock
from instructions.forms import InstructionPageForm

# What the audience list says when no kind is ticked (search documents use it too).
EVERYONE = "everyone"
# Agency kind -> the boolean column that offers the instruction to it.
AUDIENCE_FIELDS = {
    "keha": "audience_keha",
    "ely": "audience_ely",
    "te": "audience_te",
    "municipal_pilot": "audience_municipal_pilot",
}
# Slugs under /ohjeet/ that belong to the library's own views (instructions.urls).
RESERVED_SLUGS = {"perehdytys", "muutokset", "atom", "palaute", "voimassa"}
# Fields that belong to the instruction rather than to one language version;
# copied from the original to its translations on every publication.
SHARED_FIELDS = [
    "kind",
    "topic_id",
    "process_area_id",
    "owner_unit_id",
    "for_everyone",
    *AUDIENCE_FIELDS.values(),
    "valid_from",
    "valid_until",
    "next_review_date",
    "review_interval_months",
    "last_reviewed_at",
    "replacement_id",
]


class InstructionKind(models.TextChoices):
    WORK_INSTRUCTION = "work_instruction", _("Work instruction")
    ONBOARDING = "onboarding", _("Onboarding material")
    ADMINISTRATIVE = "administrative", _("Administrative guidance")
    FORM = "form", _("Form")
    COURSE = "course", _("TE-akatemia course")


class InstructionLibraryPage(RestrictionsCachedPage, Page):
    """The library (``/ohjeet/``): browse by topic, process area, kind and audience, with counts."""

    base_form_class = AsciiSlugPageForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["intranet.HomePage"]
    subpage_types = ["instructions.InstructionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("instruction library")

    def get_context(self, request, *args, **kwargs):
        from instructions import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.library_context(request, page=self))
        return context


class InstructionPage(RestrictionsCachedPage, Page):
    """One instruction in Finnish, optionally with a Swedish version."""

    lead = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences: what this instruction is for. Shown in lists."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=InstructionKind.choices,
        default=InstructionKind.WORK_INSTRUCTION,
        db_index=True,
    )
    topic = models.ForeignKey(
        "instructions.Topic", on_delete=models.PROTECT, related_name="instructions", verbose_name=_("topic")
    )
    process_area = models.ForeignKey(
        "instructions.ProcessArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instructions",
        verbose_name=_("process area"),
    )
    owner_unit = models.ForeignKey(
        "teams.Unit",
        on_delete=models.PROTECT,
        related_name="instructions",
        verbose_name=_("owner unit"),
        help_text=_("The unit responsible for keeping this instruction up to date."),
    )
    contacts = ParentalManyToManyField(
        "teams.Person", blank=True, related_name="instruction_contacts", verbose_name=_("contact people")
    )
    audience_keha = models.BooleanField(_("KEHA Centre"), default=False)
    audience_ely = models.BooleanField(_("ELY Centres"), default=False)
    audience_te = models.BooleanField(_("TE Offices"), default=False)
    audience_municipal_pilot = models.BooleanField(_("Municipal employment pilots"), default=False)
    # Derived on save: no kind ticked means everyone. Lets every listing filter
    # with one OR of indexed booleans.
    for_everyone = models.BooleanField(default=True, editable=False, db_index=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "After this day the instruction leaves the library and readers are sent to its replacement."
        ),
    )
    next_review_date = models.DateField(
        _("next review"),
        db_index=True,
        help_text=_("The owners are reminded two weeks before; after it readers see “under review”."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        help_text=_("Confirming the instruction as still valid sets the next review this far ahead."),
    )
    last_reviewed_at = models.DateTimeField(_("last confirmed valid"), null=True, blank=True, editable=False)
    replacement = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replaced by"),
        help_text=_("Where readers are sent once this instruction is no longer valid."),
    )
    related = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="+", verbose_name=_("related instructions")
    )
    body = StreamField(InstructionBodyBlock(), blank=True, verbose_name=_("body"))
    # The editor's "what changed?" for the revision being saved; turned into a
    # ChangeLogEntry when that revision is published (instructions.changelog).
    pending_change_note = models.CharField(max_length=300, blank=True, editable=False)
    pending_material = models.BooleanField(default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("kind"),
                        FieldPanel("topic", widget=forms.Select),
                        FieldPanel("process_area", widget=forms.Select),
                    ]
                ),
                FieldPanel("owner_unit", widget=forms.Select),
                FieldPanel("contacts", widget=forms.SelectMultiple(attrs={"size": 6})),
            ],
            heading=_("Classification and owner"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("audience_keha"),
                        FieldPanel("audience_ely"),
                        FieldPanel("audience_te"),
                        FieldPanel("audience_municipal_pilot"),
                    ]
                ),
            ],
            heading=_("Audience"),
            help_text=_(
                "Who may read this instruction and its attachments. Leave all unticked for everyone. "
                "People of other organisations cannot open it."
            ),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldRowPanel([FieldPanel("next_review_date"), FieldPanel("review_interval_months")]),
                FieldPanel("replacement"),
            ],
            heading=_("Validity and review"),
        ),
        FieldPanel("related"),
        MultiFieldPanel(
            [FieldPanel("material_change"), FieldPanel("change_note")],
            heading=_("What changed?"),
            help_text=_(
                "Readers see the note in the instruction's change log when this version is published."
            ),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    base_form_class = InstructionPageForm
    parent_page_types = ["instructions.InstructionLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")

    # --- Audience -------------------------------------------------------------------

    def audience_kinds(self) -> list[str]:
        """The agency kinds the instruction is offered to, or ``["everyone"]``."""
        kinds = [kind for kind, field in AUDIENCE_FIELDS.items() if getattr(self, field)]
        return kinds or [EVERYONE]

    # --- State ----------------------------------------------------------------------

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < timezone.localdate()

    @property
    def is_overdue(self) -> bool:
        return self.next_review_date is not None and self.next_review_date < timezone.localdate()

    @property
    def is_not_yet_valid(self) -> bool:
        return self.valid_from is not None and self.valid_from > timezone.localdate()

    def next_review_after_confirmation(self, *, today: datetime.date | None = None) -> datetime.date:
        """Today plus the review interval (the day clamped to the month's length)."""
        today = today or timezone.localdate()
        months = today.month - 1 + self.review_interval_months
        year, month = today.year + months // 12, months % 12 + 1
        for day in (today.day, 30, 29, 28):
            try:
                return datetime.date(year, month, day)
            except ValueError:
                continue
        raise AssertionError("unreachable")

    # --- Body -----------------------------------------------------------------------

    def sections(self) -> list[dict]:
        """The body's blocks with an anchor on each heading: the template and the contents list use it."""
        items, used = [], set()
        for block in self.body:
            anchor = None
            if block.block_type == "heading":
                base = slugify(str(block.value))[:60] or "osio"
                anchor, number = base, 2
                while anchor in used:
                    anchor, number = f"{base}-{number}", number + 1
                used.add(anchor)
            items.append({"block": block, "anchor": anchor})
        return items

    def table_of_contents(self) -> list[dict]:
        return [
            {"title": str(item["block"].value), "anchor": item["anchor"]}
            for item in self.sections()
            if item["anchor"]
        ]

    def headings(self) -> list[str]:
        return [str(block.value) for block in self.body if block.block_type == "heading"]

    def body_text(self) -> str:
        """The body as plain text (for search): headings, paragraphs, steps, notices, tables, references."""
        parts = []
        for block in self.body:
            value = block.value
            kind = block.block_type
            if kind == "heading":
                parts.append(str(value))
            elif kind == "paragraph":
                parts.append(strip_tags(value.source))
            elif kind == "steps":
                for step in value["steps"]:
                    parts.append(step["title"])
                    if step["text"]:
                        parts.append(strip_tags(step["text"].source))
            elif kind == "notice":
                parts.append(strip_tags(value["text"].source))
            elif kind == "table":
                for row in (value or {}).get("data") or []:
                    parts.append(" ".join(str(cell) for cell in row if cell))
            elif kind == "attachment":
                parts.append(value["title"] or (value["document"].title if value["document"] else ""))
            elif kind == "legal_reference":
                parts.append(" ".join(filter(None, [value["statute"], value["section"]])))
        return "\n".join(part.strip() for part in parts if part and part.strip())

    def document_ids(self) -> set[int]:
        """Documents attached in the body (attachment blocks and document links in rich text)."""
        import re

        found = set()
        link = re.compile(r'<a[^>]*linktype="document"[^>]*id="(\d+)"')
        for block in self.body:
            if block.block_type == "attachment" and block.value["document"] is not None:
                found.add(block.value["document"].pk)
            sources = []
            if block.block_type == "paragraph":
                sources.append(block.value.source)
            elif block.block_type == "notice":
                sources.append(block.value["text"].source)
            elif block.block_type == "steps":
                sources += [step["text"].source for step in block.value["steps"] if step["text"]]
            for source in sources:
                found.update(int(pk) for pk in link.findall(source))
        return found

    # --- Wagtail --------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the library itself; choose another.")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The end of validity cannot be before its start.")
        if self.replacement_id and self.replacement_id == self.pk:
            errors["replacement"] = _("An instruction cannot replace itself.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from instructions import changelog

        self.for_everyone = not any(getattr(self, field) for field in AUDIENCE_FIELDS.values())
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "for_everyone" not in update_fields:
            kwargs["update_fields"] = list(update_fields) + ["for_everyone"]
        result = super().save(*args, **kwargs)
        changelog.record_attachments(page=self)
        return result

    def permissions_for_user(self, user):
        from instructions.permissions import InstructionPermissionTester

        return InstructionPermissionTester(user, self)

    def serve(self, request, *args, **kwargs):
        from instructions import page_context

        return page_context.serve_instruction(request, self, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from instructions import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.instruction_context(request, self))
        return context
