"""Site search: pages and people in one result list.

This is the embedded default (Wagtail's database backend for pages, the
directory query for people). The search issue replaces the page part with
Elasticsearch behind the same URL.
"""

from django.shortcuts import render
from wagtail.models import Page

from teams.services import MAX_QUERY_LENGTH, search_people

# The results page shows the best matches of each kind; the people directory
# and later the instruction library have their own paginated views.
MAX_PAGES = 20
MAX_PEOPLE = 12


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    pages, people, people_total = [], [], 0
    if query:
        pages = list(Page.objects.live().public().specific().search(query)[:MAX_PAGES])
        matches = search_people(query=query)
        people_total = matches.count()
        people = list(matches[:MAX_PEOPLE])
    return render(
        request,
        "search/results.html",
        {"query": query, "pages": pages, "people": people, "people_total": people_total},
    )
