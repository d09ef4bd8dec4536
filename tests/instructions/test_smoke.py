import pytest

from tests.instructions.conftest import make_instruction


@pytest.mark.django_db
def test_library_and_page_render(client, library):
    page = make_instruction(library, title="Palkkatuen maksatus", audience=["te"])
    client.force_login(library.readers["te"])
    response = client.get("/ohjeet/")
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "Palkkatuen maksatus" in response.content.decode()
    response = client.get(page.url)
    assert response.status_code == 200, response.content.decode()[:3000]
    assert "Aluksi" in response.content.decode()
