"""Every admin URL, made concrete from the URL resolver, for the admin access walk (test_admin_walk.py).

Each pattern under ``admin/`` is filled in with the ids of the objects a role
must not see (instructions of another audience, their attachments and
revisions, another agency's regional supplement), so a URL added by Wagtail or
by us is walked without anyone listing it here. Parameters are filled in by
their name; an id whose model is not known gets every secret id.
"""

import itertools
import re
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Patterns that end the session or are not views of data: walking them would log the client out
# or answer the same for everyone.
SKIPPED = {
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
FIXED = {  # ids of things no role is restricted from: any value exercises the view
    "action_name": ["approve"],
    "filter_spec": ["max-100x100"],
    "revision_id_a": ["earliest"],
    "revision_id_b": ["latest"],
    "uidb64": ["MQ"],
    "token": ["x"],
    # Objects no role here is kept from (images are for everyone signed in; workflows, tasks, collections,
    # redirects, uploads and editing sessions carry no audience): one id is enough.
    **{
        name: [1]
        for name in (
            "image_id",
            "collection_id",
            "task_id",
            "task_state_id",
            "workflow_state_id",
            "redirect_id",
            "uploaded_file_id",
            "session_id",
            "workflow_pk",
        )
    },
}
PAGE_PARAMS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id"}
DOCUMENT_PARAMS = {"document_id", "doc_id"}
MODEL_PARAMS = {"app_label", "app_name", "content_type_app_name"}


@dataclass
class Secrets:
    """The ids a role must not reach, by kind, and the (app, model) pairs they belong to."""

    pages: list[int]
    documents: list[int]
    supplements: list[int]
    revisions: dict[int, int]  # page id -> its latest revision
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)  # marker -> (page id, document id)
    models: list[tuple[str, str]] = field(
        default_factory=lambda: [
            ("instructions", "instructionpage"),
            ("wagtaildocs", "document"),
            ("news", "regionalsupplement"),
        ]
    )

    def all_ids(self) -> list[int]:
        return sorted({*self.pages, *self.documents, *self.supplements, *self.revisions.values()})

    def ids_for_model(self, model) -> list[int]:
        from wagtail.documents import get_document_model
        from wagtail.models import Page

        from news.models import RegionalSupplement

        if model is None:
            return self.all_ids()
        if issubclass(model, Page):
            return self.pages
        if issubclass(model, get_document_model()):
            return self.documents
        if issubclass(model, RegionalSupplement):
            return self.supplements
        first = model._default_manager.values_list("pk", flat=True).first()
        return [first or 1]

    def ids_for_label(self, app_label: str, model_name: str) -> list[int]:
        from django.apps import apps

        try:
            return self.ids_for_model(apps.get_model(app_label, model_name))
        except LookupError:
            return self.all_ids()


def admin_patterns() -> list[tuple[str, str | None, object]]:
    """(route, namespaced name, callback) of every URL pattern under ``admin/``."""
    found = []

    def walk(resolver, prefix, namespaces):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(
                    entry,
                    prefix + str(entry.pattern),
                    namespaces + ([entry.namespace] if entry.namespace else []),
                )
            elif isinstance(entry, URLPattern):
                name = ":".join([*namespaces, entry.name]) if entry.name else None
                found.append((prefix + str(entry.pattern), name, entry.callback))

    walk(get_resolver(), "", [])
    return [item for item in found if item[0].startswith("admin/")]


def _params(route: str) -> list[str]:
    return [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)]


def _view_model(callback):
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    initkwargs = getattr(callback, "view_initkwargs", None) or {}
    model = initkwargs.get("model") or getattr(view_class, "model", None)
    if isinstance(model, str):  # the choosers name it "app_label.ModelName"
        from django.apps import apps

        model = apps.get_model(model)
    return model if isinstance(model, type) else None


def _bulk_actions() -> list[tuple[str, str, str]]:
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    bulk_action_registry._scan_for_bulk_actions()
    return [
        (app, model, action)
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    ]


def _values(param: str, *, model, secrets: Secrets) -> list:
    if param in FIXED:
        return FIXED[param]
    if param in PAGE_PARAMS:
        return secrets.pages
    if param in DOCUMENT_PARAMS:
        return secrets.documents
    if param in {"pk", "object_id"}:
        return secrets.ids_for_model(model)
    if param == "revision_id":
        return sorted(secrets.revisions.values())
    return secrets.all_ids()


def concrete_urls(secrets: Secrets) -> list[tuple[str, str, str]]:
    """(route, name, URL with a query string naming the secret ids) for every admin pattern."""
    urls = []
    for route, name, callback in admin_patterns():
        if name is None:
            continue  # Wagtail's catch-all 404 and its test page: nothing to fill in
        short = name.rsplit(":", 1)[-1]
        if short in SKIPPED or name in SKIPPED:
            continue
        params = _params(route)
        model = _view_model(callback)
        kwarg_sets = []
        if "action" in params:  # the bulk actions: every registered one, on its model's secret ids
            for app, model_name, action in _bulk_actions():
                ids = secrets.ids_for_label(app, model_name)
                query = "&".join(f"id={pk}" for pk in ids) + "&next=/admin/"
                kwarg_sets.append(({"app_label": app, "model_name": model_name, "action": action}, query))
        else:
            model_pairs = [()]
            if any(param in MODEL_PARAMS for param in params):
                model_pairs = secrets.models
            for pair in model_pairs:
                choices = []
                for param in params:
                    if param in MODEL_PARAMS:
                        choices.append([pair[0]])
                    elif param in {"model_name", "content_type_model_name"}:
                        choices.append([pair[1]])
                    elif pair and param in {"pk", "object_id"}:
                        choices.append(secrets.ids_for_label(*pair))
                    else:
                        choices.append(_values(param, model=model, secrets=secrets))
                for combination in itertools.product(*choices):
                    kwargs = dict(zip(params, combination, strict=True))
                    if (
                        "revision_id" in kwargs
                        and secrets.revisions.get(kwargs.get("page_id")) != kwargs["revision_id"]
                    ):
                        continue  # a revision with its own page only
                    ids = secrets.ids_for_label(*pair) if pair else secrets.ids_for_model(model)
                    kwarg_sets.append((kwargs, "&".join(f"id={pk}" for pk in ids)))
        for kwargs, query in kwarg_sets:
            url = reverse(name, kwargs={key: str(value) for key, value in kwargs.items()})
            urls.append((route, name, f"{url}?{query}&q=Salainen&p=1"))
    return urls
