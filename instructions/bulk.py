"""Insert many published pages under one parent in a few statements (demo data and benchmarks).

``parent.add_child()`` + ``save_revision().publish()`` costs some twenty
queries and signals per page; for 500 demo instructions that is most of a
minute. Here the tree paths are computed as treebeard would, the base ``Page``
rows are inserted with one ``bulk_create``, the subclass rows with one INSERT
per batch, then one revision per page and the ParentalManyToMany rows. The
pages end up exactly as if published once: live, with a live revision, and
editable in the admin. No signals are sent (nothing is announced or indexed;
callers that need the search index update it themselves).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from wagtail.models import Page, Revision

# Rows per INSERT: about 25 columns each stays well under SQLite's variable limit.
BATCH = 100


def bulk_add_children(parent: Page, pages: list, *, m2m: dict | None = None) -> list:
    """Insert ``pages`` (unsaved instances of one Page subclass, with slug, title and fields set) as live
    children of ``parent``. ``m2m`` maps a ParentalManyToMany field name to a list (per page) of ids."""
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(model)
    for index, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, start + index)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        if page.locale_id is None:
            page.locale_id = parent.locale_id
        page.latest_revision_created_at = page.last_published_at
    base_fields = [field for field in Page._meta.concrete_fields if field.attname != "id"]
    bases = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages]
    Page.objects.bulk_create(bases, batch_size=BATCH)
    if bases[0].pk is None:  # a database without RETURNING: read the ids back by path
        ids = dict(Page.objects.filter(path__in=[page.path for page in pages]).values_list("path", "id"))
        for base in bases:
            base.pk = base.id = ids[base.path]
    for page, base in zip(pages, bases):
        page.id = page.page_ptr_id = base.pk
        page._state.adding = False
    local_fields = list(model._meta.local_concrete_fields)
    for offset in range(0, len(pages), BATCH):
        model._base_manager._insert(
            pages[offset : offset + BATCH], fields=local_fields, using=connection.alias
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    for name, values in (m2m or {}).items():
        through = getattr(model, name).through
        source = f"{model._meta.model_name}_id" if name != "related" else "from_instructionpage_id"
        target = [
            field.attname for field in through._meta.concrete_fields if field.attname not in ("id", source)
        ][0]
        through.objects.bulk_create(
            [
                through(**{source: page.pk, target: value})
                for page, ids in zip(pages, values)
                for value in ids
            ],
            batch_size=BATCH * 5,
            ignore_conflicts=True,
        )
    _add_revisions(pages, content_type)
    return pages


def _add_revisions(pages: list, content_type) -> None:
    """One revision per page, live and latest, as if each had been published once."""
    page_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=page.last_published_at,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    if revisions[0].pk is None:
        found = dict(
            Revision.objects.filter(
                content_type=content_type, object_id__in=[str(p.pk) for p in pages]
            ).values_list("object_id", "id")
        )
        for revision in revisions:
            revision.pk = found[revision.object_id]
    for page, revision in zip(pages, revisions):
        page.latest_revision_id = page.live_revision_id = revision.pk
    # One UPDATE per page: a CASE over hundreds of ids is no faster on SQLite and harder to read.
    for page in pages:
        Page.objects.filter(pk=page.pk).update(
            latest_revision_id=page.latest_revision_id, live_revision_id=page.live_revision_id
        )
