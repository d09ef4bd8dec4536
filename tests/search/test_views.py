"""/haku/, the header autocomplete and result clicks, through HTTP as a reader would use them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from search.indexing import drain
from search.models import BestBet, SearchLog
from tests.news.conftest import publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(db):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def articles(news_index, org):
    return [
        publish_article(
            news_index,
            title="Matkalaskut siirtyvät uuteen järjestelmään",
            publisher=org.keha,
            lead="Matkalasku tehdään jatkossa <b>uudessa</b> palvelussa.",
        ),
        publish_article(
            news_index,
            title="Palkkatuen maksatus nopeutuu",
            publisher=org.keha,
            lead="Palkkatukea maksetaan nyt viikossa.",
        ),
        publish_article(
            news_index,
            title="Kulunvalvonta uudistuu",
            publisher=org.ely,
            lead="Uudet kulkukortit jaetaan syksyllä.",
        ),
    ]


@pytest.fixture
def reader(client, org):
    client.force_login(org.people["aino"].user)
    return client


@pytest.fixture
def indexed(use_engine, articles):
    drain(engine=use_engine)
    return use_engine


def test_search_needs_login(client):
    response = client.get(reverse("search:search"), {"q": "matkalasku"})
    assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
    assert client.get(reverse("search:autocomplete"), {"q": "matka"}).status_code == 302


@pytest.mark.search_server
def test_results_page_with_snippets_facets_and_log(reader, indexed, articles):
    response = reader.get(reverse("search:search"), {"q": "palkkatuki"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Palkkatuen maksatus nopeutuu" in html
    assert "<mark>Palkkatuen</mark>" in html or "<mark>Palkkatukea</mark>" in html
    assert "notice--warning" not in html  # not degraded
    log = SearchLog.objects.get()
    assert log.query == "palkkatuki" and log.hits >= 1
    # Type facet with counts; choosing it gives a removable chip.
    assert "?q=palkkatuki&amp;type=news" in html
    filtered = reader.get(reverse("search:search"), {"q": "palkkatuki", "type": "news"}).content.decode()
    assert "filter-chips" in filtered and "remove filter" in filtered.lower() or "poista" in filtered.lower()


@pytest.mark.search_server
def test_snippet_escapes_page_markup(reader, indexed):
    html = reader.get(reverse("search:search"), {"q": "palvelussa"}).content.decode()
    assert "&lt;b&gt;uudessa&lt;/b&gt;" in html and "<b>uudessa</b>" not in html


@pytest.mark.search_server
def test_best_bet_first_and_marked(reader, indexed, articles):
    BestBet.objects.create(phrase="  Kulkukortti  ", page=articles[0])  # an odd pin, to be sure it is the bet
    html = reader.get(reverse("search:search"), {"q": "kulkukortti"}).content.decode()
    assert "result--best" in html
    best = html.index("result--best")
    assert html.index(articles[0].title, best) < html.index(articles[2].title)


@pytest.mark.search_server
@pytest.mark.parametrize("text", ["matkalaskuohjeet", "Matkalaskuohjeen", "matkalaskuohje"])
def test_best_bet_matches_the_analysed_query_and_counts_as_a_result(reader, indexed, articles, text):
    """A bet on "matkalaskuohje" answers its inflected forms too, and the count includes it (it sat under
    "0 results" before)."""
    BestBet.objects.create(phrase="matkalaskuohje", page=articles[1])  # a page without that word
    response = reader.get(reverse("search:search"), {"q": text})
    html = response.content.decode()
    best = html.index("result--best")
    assert html.index(articles[1].title, best) < html.index("</ol>", best)
    result = response.context["result"]
    assert result.total == len(result.hits) >= 1
    assert response.context["best_bets"]


@pytest.mark.search_server
def test_did_you_mean_link(reader, indexed):
    html = reader.get(reverse("search:search"), {"q": "xqzmatkalaskut"}).content.decode()
    assert "search-suggestion" not in html or "matkalaskut" in html


def _click_tokens(html: str) -> dict[str, str]:
    """The result links of a results page: href -> the signed click token results.js posts."""
    import re

    return {
        href: token
        for href, token in re.findall(r'class="result__title" href="([^"]+)" data-click="([^"]+)"', html)
    }


def test_click_is_logged_by_a_post_for_ones_own_search_only(reader, indexed, articles, org):
    html = reader.get(reverse("search:search"), {"q": "palkkatuki"}).content.decode()
    log = SearchLog.objects.get()
    choose = reverse("search:choose")
    # A GET (a link anyone can be sent, a prefetcher) records nothing, whatever it names.
    reader.get(choose, {"l": log.pk, "k": "x", "u": "/"})
    assert SearchLog.objects.get().clicked_key == ""
    tokens = _click_tokens(html)
    assert articles[1].url in tokens  # the link goes straight to the result
    token = tokens[articles[1].url]
    assert reader.get(choose, {"t": token}).status_code == 405
    # Another person's POST with this token, a forged or a missing token: refused, nothing written.
    other = Client(enforce_csrf_checks=False)
    other.force_login(org.people["matti"].user)
    assert other.post(choose, {"t": token}).status_code == 400
    for forged in ("", "x", token[:-2] + "xx", f"{log.pk}:news:1"):
        assert reader.post(choose, {"t": forged}).status_code == 400
    assert SearchLog.objects.get().clicked_key == ""
    # Without the CSRF token the POST is refused too.
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(org.people["aino"].user)
    assert strict.post(choose, {"t": token}).status_code == 403
    assert SearchLog.objects.get().clicked_key == ""

    response = reader.post(choose, {"t": token})
    assert response.status_code == 204
    assert SearchLog.objects.get().clicked_key == f"news:{articles[1].pk}"
    # Only the first click of a search counts.
    other_token = (
        next(t for href, t in tokens.items() if href != articles[1].url) if len(tokens) > 1 else token
    )
    reader.post(choose, {"t": other_token})
    assert SearchLog.objects.get().clicked_key == f"news:{articles[1].pk}"


@pytest.mark.search_server
def test_autocomplete_endpoint(reader, indexed, org):
    data = reader.get(reverse("search:autocomplete"), {"q": "palkkatuen mak"}).json()
    assert data["degraded"] is False
    assert [r["title"] for r in data["results"]] == ["Palkkatuen maksatus nopeutuu"]
    people = reader.get(reverse("search:autocomplete"), {"q": "aino virt"}).json()["results"]
    assert people and people[0]["type"] == "person" and people[0]["url"].startswith("/ihmiset/")
    assert reader.get(reverse("search:autocomplete"), {"q": "p"}).json()["results"] == []


@pytest.mark.parametrize(
    "raw", ["%00%01", "a" * 5000, "%ED%A0%80palkka", "((((", "%22unclosed", "*:*", "%FF%FE"]
)
def test_bad_input_never_fails(reader, raw, settings):
    settings.ELASTICSEARCH_URL = ""
    assert reader.get(f"{reverse('search:search')}?q={raw}").status_code == 200
    assert reader.get(f"{reverse('search:autocomplete')}?q={raw}").status_code == 200


@pytest.fixture
def engine_down(settings):
    from search.engines import _elastic

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # configured, nobody answers
    _elastic.cache_clear()
    yield
    _elastic.cache_clear()


def test_engine_down_answers_from_the_database_with_a_notice(reader, articles, engine_down):
    response = reader.get(reverse("search:search"), {"q": "Kulunvalvonta"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "notice--warning" in html
    assert "Kulunvalvonta uudistuu" in html
    assert SearchLog.objects.get().degraded
    data = reader.get(reverse("search:autocomplete"), {"q": "kulunval"}).json()
    assert data["degraded"] is True and data["results"][0]["title"] == "Kulunvalvonta uudistuu"


@pytest.mark.postgresql
def test_degraded_mode_on_postgresql_uses_finnish_full_text(reader, articles, engine_down):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for article in articles:
        backend.add(article)
    # "matkalasku" finds "Matkalaskut" through PostgreSQL's finnish configuration (stemming).
    html = reader.get(reverse("search:search"), {"q": "matkalasku"}).content.decode()
    assert "Matkalaskut siirtyvät uuteen järjestelmään" in html
    assert "notice--warning" in html


@pytest.mark.search_server
def test_best_bets_come_from_the_cache_and_follow_changes(reader, indexed, articles):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bet = BestBet.objects.create(phrase="kulkukortti", page=articles[0])
    reader.get(reverse("search:search"), {"q": "kulkukortti"})  # fills the cache
    with CaptureQueriesContext(connection) as captured:
        html = reader.get(reverse("search:search"), {"q": "Kulkukortti"}).content.decode()
    assert "result--best" in html
    assert not [q for q in captured.captured_queries if "search_bestbet" in q["sql"]]
    bet.page = articles[1]
    bet.save()  # an editor re-pins it: the next search shows the new page
    html = reader.get(reverse("search:search"), {"q": "kulkukortti"}).content.decode()
    best = html.index("result--best")
    assert html.index(articles[1].title, best) < html.index("</ol>", best)
    bet.delete()
    assert "result--best" not in reader.get(reverse("search:search"), {"q": "kulkukortti"}).content.decode()


@pytest.mark.search_server
def test_results_page_query_count_does_not_grow_with_hits(reader, indexed, news_index, org):
    """The results page reads nothing per hit: titles, links, details and snippets come from the index."""

    def queries(text):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert reader.get(reverse("search:search"), {"q": text}).status_code == 200
        return len(ctx.captured_queries)

    queries("kulunvalvonta")  # the best bets map is cached from here on
    few = queries("kulunvalvonta")
    for i in range(15):
        publish_article(news_index, title=f"Kulunvalvonnan tiedote {i}", publisher=org.keha)
    drain(engine=indexed)
    assert queries("kulunvalvonta") == few
