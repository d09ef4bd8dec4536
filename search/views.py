"""Site search pages: /haku/ (results, facets, best bets), the header autocomplete and result clicks.

Thin views: everything is in search.services (engine or database fallback).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from search import services
from search.engines.base import FACETS

TYPE_LABELS = {
    "instruction": _("Instructions"),
    "news": _("News"),
    "event": _("Events"),
    "strategy": _("Strategy"),
    "page": _("Content pages"),
    "person": _("People"),
    "team": _("Teams"),
    "location": _("Locations"),
}
FACET_LABELS = {
    "type": _("Type"),
    "topic": _("Topic"),
    "owner_unit": _("Owner unit"),
    "audience": _("Audience"),
    "kind": _("Kind"),
    "language": _("Language"),
    "publisher": _("Publisher"),
}
VALUE_LABELS = {
    "language": {"fi": _("Finnish"), "sv": _("Swedish")},
    "audience": {
        "everyone": _("Everyone"),
        "keha": _("KEHA Centre"),
        "ely": _("ELY Centres"),
        "te": _("TE Offices"),
        "municipal_pilot": _("Municipal employment pilots"),
    },
    "type": TYPE_LABELS,
}
# The instruction library adds its kinds ("kind") in its AppConfig.ready().


def _language() -> str:
    return "sv" if (get_language() or "fi").startswith("sv") else "fi"


def _page_number(request) -> int:
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


def _filters(request) -> dict[str, list[str]]:
    return {
        name: [v[:200] for v in request.GET.getlist(name) if v][:20]
        for name in FACETS
        if request.GET.getlist(name)
    }


def _url(query: str, filters: dict, **extra) -> str:
    params = [("q", query)] + [(name, value) for name, values in filters.items() for value in values]
    params += [(k, v) for k, v in extra.items() if v]
    return "?" + urlencode(params)


def _label(facet: str, value: str) -> str:
    return str(VALUE_LABELS.get(facet, {}).get(value, value))


def _row(hit, *, user=None, log_id: int | None = None) -> dict:
    """A hit for the template: type label, one line of detail in the reader's language and, for a logged search,
    the click token that results.js posts to search:choose when the result is opened."""
    extra = hit.extra or {}
    if extra.get("job_title"):
        detail = ", ".join(filter(None, [extra["job_title"], extra.get("agency", "")]))
    elif extra.get("kind"):
        detail = _label("kind", extra["kind"])
    else:
        detail = extra.get("date", "")
    click = services.click_token(log_id=log_id, key=hit.key, user=user) if log_id and user is not None else ""
    return {
        "hit": hit,
        "type_label": str(TYPE_LABELS.get(hit.type, hit.type)),
        "detail": detail,
        "click": click,
    }


def _facets(base: str, query: str, filters: dict, counts: dict) -> list[dict]:
    """Facets with their options' links. One page shows up to seven facets of up to 50 values: each link is
    the page's own query string plus one parameter, so building them is string concatenation, not a
    URL reversal and a full re-encoding per option."""
    own = base + _url(query, filters)
    facets = []
    for name in FACETS:
        values = counts.get(name) or []
        chosen = filters.get(name, [])
        if not values and not chosen:
            continue
        options = []
        for value, count in values:
            selected = value in chosen
            if selected:  # removing a value: the rest of the query string is rebuilt (one per chosen value)
                href = base + _url(query, {**filters, name: [v for v in chosen if v != value]})
            elif chosen:  # keep the parameter order of a fresh build: this facet's values stay together
                href = base + _url(query, {**filters, name: [*chosen, value]})
            else:
                href = own + "&" + urlencode([(name, value)])
            options.append(
                {
                    "value": value,
                    "label": _label(name, value),
                    "count": count,
                    "selected": selected,
                    "url": href,
                }
            )
        facets.append({"name": name, "label": FACET_LABELS[name], "options": options})
    return facets


@login_required
@require_GET
def search(request):
    query = services.clean_text(request.GET.get("q", ""))
    filters = _filters(request)
    context = {"query": query, "filters": filters}
    if query:
        outcome = services.search_site(
            user=request.user, text=query, filters=filters, page=_page_number(request), language=_language()
        )
        result = outcome.result
        base = reverse("search:search")
        chips = [
            {
                "label": f"{FACET_LABELS[name]}: {_label(name, value)}",
                "url": base + _url(query, {**filters, name: [v for v in values if v != value]}),
            }
            for name, values in filters.items()
            for value in values
        ]
        page = outcome.query.page
        pages = min(max((result.total + services.PAGE_SIZE - 1) // services.PAGE_SIZE, 1), services.MAX_PAGE)
        rows = [_row(h, user=request.user, log_id=outcome.log_id) for h in result.hits]
        context.update(
            result=result,
            outcome=outcome,
            facets=_facets(base, query, filters, result.facets),
            chips=chips,
            page=page,
            pages=pages,
            type_labels=TYPE_LABELS,
            first_number=(page - 1) * services.PAGE_SIZE + 1,
            previous_url=base + _url(query, filters, page=page - 1) if page > 1 else None,
            next_url=base + _url(query, filters, page=page + 1) if page < pages else None,
            suggestion_url=base + _url(result.suggestion, {}) if result.suggestion else None,
            best_bets=[r for r in rows if r["hit"].best_bet],
            hits=[r for r in rows if not r["hit"].best_bet],
        )
    return render(request, "search/results.html", context)


@login_required
@require_GET
def autocomplete(request):
    hits, degraded = services.autocomplete(
        user=request.user, prefix=request.GET.get("q", ""), language=_language()
    )
    return JsonResponse(
        {
            "degraded": degraded,
            "results": [
                {
                    "title": h.title,
                    "url": h.url,
                    "type": h.type,
                    "type_label": str(TYPE_LABELS.get(h.type, h.type)),
                    "detail": _row(h)["detail"],
                }
                for h in hits
            ],
        }
    )


@login_required
@require_POST
def choose(request):
    """A result was opened: remembers the click on the search's log row (results.js posts the link's signed
    token with the CSRF token; the link itself goes straight to the result)."""
    if not services.record_click(token=request.POST.get("t", ""), user=request.user):
        return HttpResponseBadRequest(
            str(_("This click cannot be recorded.")), content_type="text/plain; charset=utf-8"
        )
    return HttpResponse(status=204)
