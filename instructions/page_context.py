"""What the instruction pages show: the library's browsing as the section's context, and an instruction's
serving (audience first, then validity) and context. Called by the page models (instructions.models.pages),
so the models never import views; thin, over the library's services.
"""

from django import forms
from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import shell_cache
from instructions import access, changelog, feedback, library, library_cache
from instructions.models import (
    AUDIENCE_FIELDS,
    EVERYONE,
    InstructionKind,
    InstructionPage,
    ProcessArea,
    Topic,
)


class BrowseForm(forms.Form):
    """The library's filters; an unknown value is ignored, never a server error."""

    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), required=False, to_field_name="slug")
    area = forms.ModelChoiceField(queryset=ProcessArea.objects.all(), required=False, to_field_name="slug")
    kind = forms.ChoiceField(choices=[("", "")] + list(InstructionKind.choices), required=False)
    audience = forms.ChoiceField(
        choices=[("", ""), (EVERYONE, EVERYONE)] + [(k, k) for k in AUDIENCE_FIELDS], required=False
    )
    q = forms.CharField(required=False, max_length=100, label=gettext_lazy("Words in the title or summary"))

    def filters(self) -> library.Filters:
        data = {}
        if self.is_bound:
            self.is_valid()
            data = {name: value for name, value in self.cleaned_data.items()}
        return library.Filters(
            topic=data.get("topic"),
            area=data.get("area"),
            kind=data.get("kind") or None,
            audience=data.get("audience") or None,
            words=(data.get("q") or "").strip(),
        )


def library_context(request, *, page) -> dict:
    """The library's listing as HTML: from the cache when a reader with the same visibility saw it (library_cache)."""
    user = request.user
    units = access.editable_unit_ids(user) if getattr(user, "is_authenticated", False) else set()
    key = library_cache.key_for(
        request=request, audience_kinds=access.audience_kinds_for(user), unit_ids=units
    )
    html = cache.get(key)
    if html is None:
        context = listing_context(request)
        html = get_template(library_cache.BODY_TEMPLATE).render({**context, "page": page, "request": request})
        cache.set(key, html, library_cache.SECONDS)
    return {"library_html": mark_safe(html)}


def listing_context(request) -> dict:
    form = BrowseForm(request.GET or None)
    filters = form.filters()
    instructions, facets = library.browse(user=request.user, filters=filters)
    page = Paginator(instructions, library.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    active = [name for name in ("topic", "area", "kind", "audience") if getattr(filters, name)]
    return {
        "browse_form": form,
        "filters": filters,
        "facets": facets,
        # Each facet is a disclosure (a phone shows the results without scrolling past
        # forty filters); the topics and any facet with a choice in use start open.
        "facet_groups": [
            {
                "name": name,
                "label": label,
                "values": facets[name],
                "open": name == "topic" or any(value["selected"] for value in facets[name]),
            }
            for name, label in [
                ("topic", _("Topic")),
                ("area", _("Process area")),
                ("kind", _("Kind")),
                ("audience", _("Audience")),
            ]
        ],
        "active_filters": active,
        "results": page,
        "items": library.in_reader_language(page.object_list),
        "query_string": query.urlencode(),
        "base_query": {key: value for key, value in request.GET.items() if key != "page"},
    }


def original_of(page: InstructionPage) -> InstructionPage:
    if page.locale_id == access.default_locale_id():
        return page
    return access.originals().filter(translation_key=page.translation_key).first() or page


def serve_instruction(request, page, *args, **kwargs):
    """Audience first, then validity, then Wagtail's normal serving (preview, hooks)."""
    from wagtail.models import Page

    if getattr(request, "is_preview", False):
        return Page.serve(page, request, *args, **kwargs)
    original = original_of(page)
    if not access.can_read(user=request.user, page=original):
        return render(request, "instructions/not_available.html", status=403)
    if original.is_expired:
        replacement = None
        if original.replacement_id:
            found = (
                access.visible_instructions(user=request.user)
                .filter(
                    translation_key__in=InstructionPage.objects.filter(pk=original.replacement_id).values(
                        "translation_key"
                    )
                )
                .first()
            )
            if found is not None:
                replacement = library.in_reader_language([found])[0]
        return render(
            request,
            "instructions/no_longer_valid.html",
            {"page": page, "original": original, "replacement": replacement},
            status=410,
        )
    return Page.serve(page, request, *args, **kwargs)


def instruction_context(request, page) -> dict:
    user = request.user
    original = original_of(page)
    editor = shell_cache.can_access_admin(user)
    can_edit = bool(editor and original.permissions_for_user(user).can_edit())
    previous_visit = (
        None if getattr(request, "is_preview", False) else changelog.visit(user=user, page=original)
    )
    entries = changelog.mark_new(changelog.entries_for(page=original), since=previous_visit)
    contacts = list(original.contacts.select_related("user").order_by("user__last_name"))
    context = {
        "original": original,
        "sections": page.sections(),
        "toc": page.table_of_contents(),
        "change_log": entries,
        "new_changes": [entry for entry in entries if entry.is_new],
        "related": library.related_for(
            user=user, page=original, cached=not getattr(request, "is_preview", False)
        ),
        "contacts": contacts,
        "audience_labels": [library.audience_labels()[kind] for kind in original.audience_kinds()],
        "can_edit": can_edit,
        "vote": feedback.current_vote(user=user, page=page) if user.is_authenticated else None,
        "feedback_form": FeedbackForm(),
        "error_form": ErrorReportForm(),
    }
    if can_edit:
        context["feedback_counts"] = feedback.counts_for(translation_key=original.translation_key)
    return context


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))],
        coerce=lambda value: value == "yes",
        label=gettext_lazy("Was this helpful?"),
    )
    comment = forms.CharField(
        required=False,
        max_length=feedback.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=gettext_lazy("What was missing or unclear? (optional)"),
    )


class ErrorReportForm(forms.Form):
    text = forms.CharField(
        max_length=feedback.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=gettext_lazy("What is wrong or out of date?"),
    )
