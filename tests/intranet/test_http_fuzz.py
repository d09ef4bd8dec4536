"""Hypothesis throws random JSON bodies, form fields and query strings at the HTTP endpoints of chat, search,
presence and engagement (comments, reactions, mentions): whatever arrives, the answer is never a 5xx.

The websocket frames have their own fuzz tests (tests/realtime/test_fuzz.py, tests/chat/test_fuzz.py). The
Django test client re-raises a view's exception, so a crash fails the test with its traceback. Each property
runs a bounded number of examples (``FUZZ``) so the suite stays fast.
"""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chat import messages as chat_messages
from chat.models import Room
from news.models import Comment, NewsArticlePage, NewsIndexPage
from tests.news.conftest import publish_article

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

# Text as a browser could send it (no lone surrogates: they cannot be encoded into a request at all).
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
odd_text = st.one_of(
    text,
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e9",
            "99999999999999999999999",
            "NaN",
            "null",
            "true",
            "[]",
            "{}",
            "2026-02-30T10:00:00",
            "0001-01-01T00:00:00+02:00",
            "9999-12-31T23:59:59-05:00",
            "2026-12-06T10:00:00+99:00",
            "2026-12-06T25:61:00",
            "2026-12-06",
            "T",
            "..",
            "/",
            "%00",
            "\x00",
            "<script>alert(1)</script>",
            "ä" * 300,
            "1" * 5000,
            "[" * 5000,
        ]
    ),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
    max_leaves=12,
)


def deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@st.composite
def json_bodies(draw, fields):
    """A JSON body (bytes): an object with some of ``fields`` set to anything, any other JSON, nesting far
    deeper than the parser allows, or bytes that are not JSON or not UTF-8."""
    kind = draw(st.sampled_from(["object", "object", "object", "any", "deep", "bytes"]))
    if kind == "object":
        body = {
            name: draw(st.one_of(values, odd_text))
            for name in draw(st.lists(st.sampled_from(fields), unique=True, max_size=5))
        }
        return json.dumps(body).encode()
    if kind == "any":
        return json.dumps(draw(values)).encode()
    if kind == "deep":
        return draw(st.sampled_from([deep(100_000), b'{"body": ' + deep(50_000) + b"}", deep(900)]))
    return draw(st.binary(max_size=40))


def queries(names):
    """A query string: some of ``names`` (repeated ones too) with odd values."""
    return st.lists(st.tuples(st.sampled_from(names), odd_text), max_size=6)


def no_server_error(response):
    assert response.status_code < 500, (response.status_code, response.content[:300])


@pytest.fixture
def member(org):
    user = org.people["aino"].user
    room = Room.objects.get(team=org.payroll_team)
    message, _ = chat_messages.post_message(
        user=user, room_id=room.pk, body="Hei kaikille", client_id="fuzz-1"
    )
    return user, room, message


def test_chat_json_api(client, member):
    user, room, message = member
    client.force_login(user)
    urls = (
        [reverse("chat:api_messages", args=[room.pk])]
        + [
            reverse("chat:api_message_action", args=[message.pk, action])
            for action in ("edit", "react", "unreact")
        ]
        + [reverse("chat:api_read", args=[room.pk, action]) for action in ("read", "unread")]
    )
    fields = ["body", "client_id", "reply_to", "attachments", "emoji", "seq", "message", "room"]

    @FUZZ
    @given(st.sampled_from(urls), json_bodies(fields))
    def check(url, body):
        cache.clear()  # the posting rate limit would answer 429 to everything after a while
        no_server_error(client.post(url, body, content_type="application/json"))

    check()


def test_chat_query_strings(client, member):
    user, room, message = member
    client.force_login(user)
    endpoints = [
        (reverse("chat:api_messages", args=[room.pk]), ["after", "before", "changed_since"]),
        (reverse("chat:api_members", args=[room.pk]), ["q"]),
        (reverse("chat:api_search"), ["q", "room"]),
        (reverse("chat:search"), ["q", "room"]),
        (reverse("chat:api_rooms"), ["q"]),
        (reverse("chat:api_edit_history", args=[message.pk]), ["q"]),
        (reverse("chat:room", args=[room.pk]), ["q"]),
    ]

    @FUZZ
    @given(st.sampled_from(endpoints).flatmap(lambda e: st.tuples(st.just(e[0]), queries(e[1]))))
    def check(case):
        url, params = case
        no_server_error(client.get(url, params))

    check()


@pytest.mark.parametrize(
    "value",
    [
        "2026-02-30T10:00:00",
        "0001-01-01T00:00:00+02:00",
        "2026-12-06T10:00:00+99:00",
        "9999-12-31T23:59:59-05:00",
        "huomenna",
    ],
)
def test_impossible_changed_since_is_a_clear_400(client, member, value):
    user, room, _message = member
    client.force_login(user)
    client.cookies["django_language"] = "fi"
    response = client.get(reverse("chat:api_messages", args=[room.pk]), {"after": 0, "changed_since": value})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_datetime" and "changed_since" in error["message"]
    assert "päivämäärä" in error["message"]


def test_deeply_nested_json_is_a_400_and_nothing_is_stored(client, member):
    user, room, _message = member
    client.force_login(user)
    before = room.messages.count()
    for body in (deep(100_000), b'{"body": ' + deep(100_000) + b"}"):
        response = client.post(
            reverse("chat:api_messages", args=[room.pk]), body, content_type="application/json"
        )
        assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_json"
    assert room.messages.count() == before


def test_chat_forms(client, member):
    user, room, _message = member
    client.force_login(user)
    endpoints = [
        (reverse("chat:create"), ["name", "kind", "topic", "members"]),
        (reverse("chat:direct_form"), ["username"]),
        (reverse("chat:room_action", args=[room.pk, "rename"]), ["name", "topic"]),
        (reverse("chat:room_action", args=[room.pk, "add"]), ["members"]),
        (reverse("chat:room_action", args=[room.pk, "remove"]), ["user"]),
    ]

    @FUZZ
    @given(st.sampled_from(endpoints).flatmap(lambda e: st.tuples(st.just(e[0]), queries(e[1]))))
    def check(case):
        url, fields = case
        cache.clear()
        data = {}
        for name, value in fields:
            data.setdefault(name, []).append(
                value.replace("\x00", "")
            )  # the test client refuses NUL in forms
        no_server_error(client.post(url, data))

    check()


def test_search_query_strings_and_click_log(client, org):
    client.force_login(org.people["aino"].user)
    facets = ["q", "page", "type", "topic", "owner_unit", "audience", "kind", "language", "publisher"]

    @FUZZ
    @given(
        st.sampled_from(
            [(reverse("search:search"), facets), (reverse("search:autocomplete"), ["q"])]
        ).flatmap(lambda e: st.tuples(st.just(e[0]), queries(e[1]))),
        odd_text,
    )
    def check(case, token):
        url, params = case
        no_server_error(client.get(url, params))
        no_server_error(client.post(reverse("search:choose"), {"t": token.replace("\x00", ""), "l": token}))

    check()


def test_presence_form(client, org):
    client.force_login(org.people["aino"].user)
    fields = ["manual", "text", "emoji", "duration", "hidden", "next"]
    for target in (
        "0",
        "home",
        "presence:my_status",
        "//evil.example/",
        "javascript:x",
    ):  # found by this test
        no_server_error(client.post(reverse("presence:presence_set"), {"manual": "dnd", "next": target}))

    @FUZZ
    @given(queries(fields))
    def check(pairs):
        data = {}
        for name, value in pairs:
            data.setdefault(name, []).append(value.replace("\x00", ""))
        no_server_error(client.post(reverse("presence:presence_set"), data))
        no_server_error(client.get(reverse("presence:my_status")))  # shows a refused form again

    check()


@pytest.fixture
def article(org):
    news = NewsIndexPage.objects.get(locale__language_code="fi")
    article = publish_article(news, title="Kommentoitava", publisher=org.keha)
    NewsArticlePage.objects.filter(pk=article.pk).update(allow_comments=True)
    article.refresh_from_db()
    return article


def test_engagement_forms_and_people_search(client, org, article):
    user = org.people["aino"].user
    client.force_login(user)
    comment = Comment.objects.create(article=article, author=user, text="Hyvä uutinen")
    endpoints = [
        (reverse("news:comment_post", args=[article.pk]), ["text", "parent"]),
        (reverse("news:comment_edit", args=[comment.pk]), ["text"]),
        (reverse("news:comment_hide", args=[comment.pk]), ["reason"]),
        (reverse("news:react_article", args=[article.pk]), ["kind"]),
        (reverse("news:react_comment", args=[comment.pk]), ["kind"]),
        (reverse("news:acknowledge", args=[article.pk]), ["next"]),
    ]

    @FUZZ
    @given(
        st.sampled_from(endpoints).flatmap(lambda e: st.tuples(st.just(e[0]), queries(e[1]))),
        queries(["q"]),
        queries(["vastaa", "piilota", "muokkaa", "page"]),
    )
    def check(case, people_query, article_query):
        url, fields = case
        cache.clear()
        data = {}
        for name, value in fields:
            data.setdefault(name, []).append(value.replace("\x00", ""))
        no_server_error(client.post(url, data))
        no_server_error(client.get(reverse("news:people"), people_query))
        no_server_error(client.get(article.url, article_query))

    check()
