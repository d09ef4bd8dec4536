"""The admin's icon sprite and JavaScript catalog are cacheable (intranet/admin_assets.py)."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_sprite_is_cached_by_the_browser(client, administrator_user):
    client.force_login(administrator_user)
    response = client.get(reverse("wagtailadmin_sprite") + "?h=abc")
    assert response.status_code == 200 and b"<svg" in response.content
    assert "max-age=31536000" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]


@pytest.mark.django_db
def test_the_translation_catalog_is_revalidated_with_an_etag(client, administrator_user):
    """Before, Wagtail rebuilt and sent it on every admin page (no-store), delaying the page's scripts."""
    client.force_login(administrator_user)
    url = reverse("wagtailadmin_javascript_catalog")
    first = client.get(url)
    assert first.status_code == 200 and b"django.catalog" in first.content.replace(b" ", b"")
    assert "max-age=600" in first["Cache-Control"] and "Cookie" in first["Vary"] and first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
