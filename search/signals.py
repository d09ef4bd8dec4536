"""What writes outbox rows: publish, unpublish, delete and move of pages; changes to people, teams, locations;
chat messages written, edited or deleted.

Every receiver runs inside the transaction of the change it follows (Wagtail
publishes and deletes in a transaction; model saves in the caller's), so the
outbox row commits or rolls back with it. Pages are indexed on publish and
unpublish, never on a draft save.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import CHAT_DRAIN_EVERY, record


def page_types() -> dict[str, str]:
    """Page model name -> document type, from the registered page adapters (``page_model``)."""
    from search.adapters import registry

    return {adapter.page_model: kind for kind, adapter in registry().items() if adapter.page_model}


def page_ref(page) -> str | None:
    kind = page_types().get(page.specific_class._meta.model_name if page.specific_class else "")
    return f"{kind}:{page.pk}" if kind else None


def on_page_change(sender, instance, **kwargs):
    """Publish/unpublish: the page, and its other language versions (they carry the original's metadata)."""
    ref = page_ref(instance)
    if ref is None:
        return
    model = instance.specific_class
    versions = model.objects.filter(translation_key=instance.translation_key).values_list("pk", flat=True)
    kind = ref.split(":", 1)[0]
    record(refs=[ref, *(f"{kind}:{pk}" for pk in versions)])


def on_page_move(sender, instance, **kwargs):
    # A move changes the URL of the page and of everything under it.
    pages = instance.get_descendants(inclusive=True).only("id", "content_type")
    record(refs=[page_ref(page) for page in pages])


def on_person(sender, instance, **kwargs):
    record(refs=[f"person:{instance.pk}"])


def on_user(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
        return  # a login or password change: nothing searchable changed
    person_id = (
        getattr(getattr(instance, "person", None), "pk", None) if hasattr(instance, "person") else None
    )
    if person_id:
        record(refs=[f"person:{person_id}"])


def on_team(sender, instance, **kwargs):
    record(refs=[f"team:{instance.pk}"])


def on_membership(sender, instance, **kwargs):
    record(refs=[f"person:{instance.person_id}", f"team:{instance.team_id}"])


def on_location(sender, instance, **kwargs):
    record(refs=[f"location:{instance.pk}"])


def on_expertise(sender, instance, **kwargs):
    record(refs=[f"person:{instance.content_object_id}"])


def on_unit_or_agency(sender, instance, **kwargs):
    """A renamed unit or agency changes every person (and team) document that names it."""
    people = instance.people.values_list("pk", flat=True)
    refs = [f"person:{pk}" for pk in people]
    if hasattr(instance, "teams"):
        refs += [f"team:{pk}" for pk in instance.teams.values_list("pk", flat=True)]
    if not kwargs.get("created"):
        record(refs=refs)


def on_view_restriction(sender, instance, **kwargs):
    """A page restricted to some groups (or a password) leaves the index with everything under it; lifted, it
    comes back (adapters index public pages only)."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        on_page_move(sender, page)


def on_chat_message(sender, instance, **kwargs):
    """Posted, edited or soft-deleted (a save with ``deleted_at``: the adapter yields no document, the drain
    deletes the key). Reactions and read markers do not save the message row: nothing to index."""
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not set(update_fields) & {"body", "deleted_at"}:
        return
    record(refs=[f"chat:{instance.pk}"], throttle=CHAT_DRAIN_EVERY)


def on_chat_room_delete(sender, instance, **kwargs):
    """A deleted room takes its messages out of the index: one outbox row per message, one INSERT."""
    record(refs=[f"chat:{pk}" for pk in instance.messages.values_list("pk", flat=True)])


def connect() -> None:
    """Pages and view restrictions. The apps connect their own models to the receivers above in their
    AppConfig.ready() (teams: people, teams, locations, users; chat: messages and rooms), so that search
    imports no app."""
    page_published.connect(on_page_change, dispatch_uid="search.published")
    page_unpublished.connect(on_page_change, dispatch_uid="search.unpublished")
    post_delete.connect(on_page_delete, dispatch_uid="search.page_deleted")
    post_page_move.connect(on_page_move, dispatch_uid="search.moved")
    from wagtail.models import PageViewRestriction

    post_save.connect(on_view_restriction, sender=PageViewRestriction, dispatch_uid="search.restriction.save")
    post_delete.connect(
        on_view_restriction, sender=PageViewRestriction, dispatch_uid="search.restriction.delete"
    )


def on_page_delete(sender, instance, **kwargs):
    """post_delete for any page model (Wagtail deletes the specific rows too): the page leaves the index."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        kind = page_types().get(type(instance)._meta.model_name)
        if kind:
            record(refs=[f"{kind}:{instance.pk}"])
