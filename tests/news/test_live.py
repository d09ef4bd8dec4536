"""The news.published frame reaches the audience's online users only, through audience groups."""

import pytest
from channels.db import database_sync_to_async

from news import actions
from news.models import NewsIndexPage
from realtime import hub
from tests.factories import AgencyFactory, LocationFactory, PersonFactory, UserFactory
from tests.news.conftest import publish_article
from tests.realtime.test_consumer import communicator, session_cookie_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@database_sync_to_async
def setup_people():
    keha = AgencyFactory(slug="keha-keskus", name_fi="KEHA-keskus", kind="keha")
    ely = AgencyFactory(slug="ely-lappi", name_fi="Lapin ELY-keskus")
    salla = LocationFactory(slug="salla", name_fi="Salla")
    return keha, ely, salla


@database_sync_to_async
def person(username, **fields):
    user = UserFactory(username=username)
    PersonFactory(user=user, **fields)
    return user


@database_sync_to_async
def publish_announced(**kwargs):
    """Publish and run news.actions.news_published as the job does (its sends run on commit)."""
    index = NewsIndexPage.objects.get(locale__language_code="fi")
    article = publish_article(index, announced=True, **kwargs)
    return actions.news_published(article=article)


async def connected(username):
    from django.contrib.auth import get_user_model

    user = await database_sync_to_async(get_user_model().objects.get)(username=username)
    _pk, cookie = await session_cookie_for_existing(user)
    ws = communicator(cookie)
    connected_ok, _ = await ws.connect()
    assert connected_ok
    hello = await ws.receive_json_from()
    assert hello["type"] == "hello"
    return ws


session_cookie_for_existing = database_sync_to_async(session_cookie_of)


async def test_frame_reaches_the_audience_online_and_nobody_else():
    keha, ely, salla = await setup_people()
    await person("ely.ihminen", agency=ely)
    await person("salla.ihminen", agency=keha, home_location=salla)
    await person("muu.ihminen", agency=keha)
    sockets = {name: await connected(name) for name in ["ely.ihminen", "salla.ihminen", "muu.ihminen"]}
    created = await publish_announced(
        title="Lapin ja Sallan uutinen", publisher=keha, agencies=[ely], locations=[salla]
    )
    assert created == 2
    for name in ["ely.ihminen", "salla.ihminen"]:
        frame = await sockets[name].receive_json_from(timeout=2)
        assert frame["type"] == "news.published"
        assert frame["article"]["title"] == "Lapin ja Sallan uutinen"
        assert frame["article"]["url"].startswith("/uutiset/")
    assert await sockets["muu.ihminen"].receive_nothing(timeout=0.3)
    for ws in sockets.values():
        await ws.disconnect()


async def test_everyone_is_one_publish(monkeypatch):
    keha, _ely, _salla = await setup_people()
    await person("yksi", agency=keha)
    sockets = [await connected("yksi")]
    the_hub = hub.get_hub()
    sent = []
    original = the_hub.publish

    def counting(topic, text):
        if '"news.published"' in text:
            sent.append(topic)
        original(topic, text)

    monkeypatch.setattr(the_hub, "publish", counting)
    await publish_announced(title="Kaikille", publisher=keha)
    assert sent == ["everyone"]
    assert (await sockets[0].receive_json_from(timeout=2))["type"] == "news.published"
    await sockets[0].disconnect()
