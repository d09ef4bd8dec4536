"""Logging in, password guessing protection and password reset by e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD


@pytest.mark.django_db
class TestLogin:
    def test_login_page_is_finnish_by_default(self, client):
        html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
        assert '<html lang="fi">' in html
        assert "Kirjaudu" in html

    def test_login_returns_to_the_page_asked_for(self, client, staff_user):
        response = client.post(
            reverse("login") + "?next=/ihmiset/",
            {"username": "staff", "password": PASSWORD, "next": "/ihmiset/"},
        )
        assert response.status_code == 302 and response["Location"] == "/ihmiset/"

    def test_wrong_password_is_explained_and_keeps_the_username(self, client, staff_user):
        client.cookies["django_language"] = "en"
        response = client.post(reverse("login"), {"username": "staff", "password": "wrong"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "correct username and password" in html
        assert 'value="staff"' in html

    def test_logout_needs_post_and_ends_the_session(self, client, staff_user):
        client.force_login(staff_user)
        assert client.get(reverse("logout")).status_code == 405
        client.post(reverse("logout"))
        assert client.get("/").status_code == 302


@pytest.mark.django_db
class TestPasswordGuessing:
    def test_account_is_locked_after_repeated_failures(self, client, staff_user, settings):
        client.cookies["django_language"] = "en"
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("login"), {"username": "staff", "password": "guess"})
        response = client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
        assert response.status_code == 429
        assert "Too many login attempts" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_other_users_are_not_locked(self, client, staff_user, communication_user, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("login"), {"username": "staff", "password": "guess"})
        response = client.post(reverse("login"), {"username": "viestinta", "password": PASSWORD})
        assert response.status_code == 302

    def test_a_success_before_the_limit_resets_the_count(self, client, staff_user, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            client.post(reverse("login"), {"username": "staff", "password": "guess"})
        assert client.post(reverse("login"), {"username": "staff", "password": PASSWORD}).status_code == 302
        client.post(reverse("logout"))
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            client.post(reverse("login"), {"username": "staff", "password": "guess"})
        assert client.post(reverse("login"), {"username": "staff", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
class TestPasswordReset:
    def test_reset_by_email(self, client, staff_user):
        response = client.post(reverse("password_reset"), {"email": staff_user.email})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [staff_user.email]
        link = re.search(r"https?://[^/]+(/salasana/uusi/\S+)", message.body).group(1)
        form_page = client.get(link, follow=True)
        assert form_page.status_code == 200
        set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
        new_password = "Uusi-vahva-salasana-2026"
        done = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
        assert done.status_code == 302
        staff_user.refresh_from_db()
        assert staff_user.check_password(new_password)

    def test_unknown_address_reveals_nothing(self, client, db):
        response = client.post(reverse("password_reset"), {"email": "nobody@keha.example"})
        assert response.status_code == 302
        assert mail.outbox == []

    def test_weak_new_password_is_refused(self, client, staff_user):
        client.post(reverse("password_reset"), {"email": staff_user.email})
        link = re.search(r"https?://[^/]+(/salasana/uusi/\S+)", mail.outbox[0].body).group(1)
        page = client.get(link, follow=True)
        set_url = page.redirect_chain[-1][0]
        response = client.post(set_url, {"new_password1": "12345", "new_password2": "12345"})
        assert response.status_code == 200
        assert response.context["form"].errors
        staff_user.refresh_from_db()
        assert staff_user.check_password(PASSWORD)


@pytest.mark.django_db
def test_change_password_keeps_the_user_signed_in(client, staff_user):
    client.force_login(staff_user)
    new_password = "Toinen-vahva-salasana-2026"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    staff_user.refresh_from_db()
    assert staff_user.check_password(new_password)
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_change_password_needs_the_old_one(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "Uusi-salasana-99", "new_password2": "Uusi-salasana-99"},
    )
    assert response.status_code == 200 and "old_password" in response.context["form"].errors
    staff_user.refresh_from_db()
    assert staff_user.check_password(PASSWORD)
