"""The personal Atom feed: secret token in the address, revocable and renewable, everything escaped."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from news.models import FeedToken
from tests.feed_checks import summaries

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]


@pytest.mark.django_db
class TestAtom:
    def test_create_read_renew_revoke(self, client, org, publish):
        publish(title="Kaikille", publisher=org.keha)
        publish(title="Vain ELY", publisher=org.keha, agencies=[org.ely])
        user = org.people["aino"].user
        client.force_login(user)
        client.post(reverse("news:feed_token_renew"))
        token = FeedToken.objects.get(user=user).token
        url = reverse("news:atom", args=[token])
        assert url in client.get(reverse("news:feed_token")).content.decode()
        client.logout()
        response = client.get(url)  # no session: the token is the credential
        assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
        assert entries(response) == ["Kaikille"]  # personalised: not the ELY-only article

        client.force_login(user)
        client.post(reverse("news:feed_token_renew"))
        client.logout()
        assert client.get(url).status_code == 404  # the old address stops working
        new = FeedToken.objects.get(user=user).token
        assert new != token and client.get(reverse("news:atom", args=[new])).status_code == 200

        client.force_login(user)
        client.post(reverse("news:feed_token_revoke"))
        client.logout()
        assert client.get(reverse("news:atom", args=[new])).status_code == 404

    def test_made_up_and_inactive_tokens_answer_404(self, client, org):
        assert client.get(reverse("news:atom", args=["x" * 40])).status_code == 404
        user = org.people["aino"].user
        token = FeedToken.objects.create(user=user).token
        user.is_active = False
        user.save()
        assert client.get(reverse("news:atom", args=[token])).status_code == 404

    def test_renew_and_revoke_need_post_and_login(self, client, org):
        assert client.get(reverse("news:feed_token_renew")).status_code in (302, 405)
        client.force_login(org.people["aino"].user)
        assert client.get(reverse("news:feed_token_renew")).status_code == 405
        assert not FeedToken.objects.exists()

    def test_everything_is_escaped(self, client, org, publish):
        publish(
            title='<script>alert("x")</script> & "lainaus"',
            lead="<b>lihava</b> ]]> &amp;",
            publisher=org.keha,
        )
        token = FeedToken.objects.create(user=org.people["aino"].user).token
        response = client.get(reverse("news:atom", args=[token]))
        body = response.content.decode()
        assert "<script>" not in body and "<b>" not in body
        assert entries(response) == ['<script>alert("x")</script> & "lainaus"']  # text survives exactly

    def test_a_feed_reader_gets_no_markup_from_a_lead(self, client, org, publish):
        lead = '<script>alert(1)</script> <img src=x onerror="alert(2)"> & ]]> &amp;'
        publish(title="Ingressissä merkintöjä", lead=lead, publisher=org.keha)
        token = FeedToken.objects.create(user=org.people["aino"].user).token
        response = client.get(reverse("news:atom", args=[token]))
        assert summaries(response.content) == [lead]  # shown exactly as typed, as text
