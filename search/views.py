"""Site search: pages and people in one result list.

This is the embedded default (Wagtail's database backend for pages, the
directory query for people). The search issue replaces the page part with
Elasticsearch behind the same URL.
"""

import re

from django.shortcuts import render
from wagtail.models import Locale, Page

from teams.services import clean_query, search_people

# The results page shows the best matches of each kind; the people directory
# and later the instruction library have their own paginated views.
MAX_PAGES = 20
MAX_PEOPLE = 12
# Full-text engines give operators to quotes, brackets and the like, and a stray
# one is a syntax error; searching for words is what people mean.
NOT_A_WORD = re.compile(r"[^\w\s-]+")


def search(request):
    query = clean_query(request.GET.get("q", ""))
    pages, people, people_total = [], [], 0
    if query:
        words = " ".join(NOT_A_WORD.sub(" ", query).split())
        if words:
            # One result per page: the Finnish tree (each page's canonical version,
            # served in the reader's language at the same URL; intranet.views.serve_page).
            # Instructions are access-controlled (intranet.instructions.access): the
            # generic page search leaves them out and only the reader's are added.
            from intranet.instructions.access import visible_instructions
            from intranet.instructions.models import InstructionPage

            pages = list(
                Page.objects.live().public().filter(locale=Locale.get_default()).not_type(InstructionPage)
                .specific().search(words)[:MAX_PAGES]
            )
            readable = list(visible_instructions(user=request.user).values_list("translation_key", flat=True))
            pages += list(
                InstructionPage.objects.live().filter(locale=Locale.get_default(), translation_key__in=readable)
                .search(words)[:MAX_PAGES - len(pages)]
            ) if len(pages) < MAX_PAGES else []
        matches = search_people(query=query)
        people_total = matches.count()
        people = list(matches[:MAX_PEOPLE])
    return render(
        request,
        "search/results.html",
        {"query": query, "pages": pages, "people": people, "people_total": people_total},
    )
