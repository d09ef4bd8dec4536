""" "Why do I see this?" and the group mapping's admin list, export and file."""

import json

import pytest
from django.core.management import call_command

from core import roles
from sso.models import GroupMapping
from tests.sso.fixtures import GROUP_IDS, sign_in

pytestmark = pytest.mark.django_db


def test_the_page_explains_roles_memberships_and_what_follows(client, sso_on, liisa, mapping):
    sso_on.set_user(
        "henkilo",
        groups=[
            GROUP_IDS["KEHA-henkilosto"],
            GROUP_IDS["KEHA-Maksatusyksikko"],
            GROUP_IDS["Tiimi-Maksatus-palkkatuki"],
            GROUP_IDS["Taimi-Viestinta"],
            "ffffffff-0000-4000-8000-00000000dead",
        ],
    )
    sign_in(client, sso_on, "henkilo")
    page = client.get("/ihmiset/oma-profiili/miksi/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Miksi näen tämän?" in text
    # group -> role and memberships
    assert f"Taimi-Viestinta ({GROUP_IDS['Taimi-Viestinta']})" in text
    assert f"<strong>{roles.COMMUNICATION}</strong> – lähde: Taimi-Viestinta" in text
    assert f"<strong>{roles.STAFF}</strong> – lähde: kaikki kirjautuneet" in text
    assert "<strong>Virasto: KEHA-keskus</strong> – lähde: KEHA-henkilosto" in text
    assert (
        "<strong>Yksikkö: Maksatusyksikkö</strong> – lähde: KEHA-Maksatusyksikkö" in text
        or "<strong>Yksikkö: Maksatusyksikkö</strong> – lähde: KEHA-Maksatusyksikko" in text
    )
    assert "<strong>Tiimi: Maksatus – palkkatukitiimi</strong> – lähde: Tiimi-Maksatus-palkkatuki" in text
    assert "ffffffff-0000-4000-8000-00000000dead</span>:\n      ei mitään Taimessa" in text
    # what follows: the same answers as the news feed and the instruction library
    assert "Uutiset kohderyhmälle KEHA-keskus" in text
    assert "Uutiset tiimille Maksatus – palkkatukitiimi" in text
    assert "Viraston KEHA-keskus alueelliset täydennykset" in text
    assert "Ohjeet kohderyhmälle: KEHA-keskus" in text


def test_the_page_works_for_a_person_without_a_work_account(client, staff_user):
    client.force_login(staff_user)
    text = client.get("/ihmiset/oma-profiili/miksi/").content.decode()
    assert "Ei kirjautunut työtilillä" in text
    assert f"<strong>{roles.STAFF}</strong> – lähde: kaikki kirjautuneet" in text


def test_only_administrators_open_it_for_someone_else(client, org, staff_user, administrator_user):
    aino = org.people["aino"].user
    client.force_login(staff_user)
    assert client.get(f"/ihmiset/{aino.username}/miksi/").status_code == 403
    assert client.get(f"/ihmiset/{staff_user.username}/miksi/").status_code == 200
    client.force_login(administrator_user)
    answer = client.get(f"/ihmiset/{aino.username}/miksi/")
    assert answer.status_code == 200
    assert "Mitä Aino Virtanen näkee Taimessa" in answer.content.decode()
    assert "Miksi näen tämän?" in client.get(f"/ihmiset/{aino.username}/").content.decode()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_page_speaks_swedish_and_english(client, staff_user, language):
    client.force_login(staff_user)
    client.cookies["django_language"] = language
    text = client.get("/ihmiset/oma-profiili/miksi/").content.decode()
    assert {"sv": "Varför ser jag det här?", "en": "Why do I see this?"}[language] in text


def test_the_mapping_exports_and_imports_as_json(mapping, tmp_path, capsys):
    call_command("sso_mapping", "export")
    exported = json.loads(capsys.readouterr().out)
    assert len(exported["mappings"]) == 7
    row = next(row for row in exported["mappings"] if row["description"] == "Taimi-Viestinta")
    assert row["role"] == roles.COMMUNICATION and row["group_id"] == GROUP_IDS["Taimi-Viestinta"]
    exported["mappings"] = [row]
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps(exported))
    call_command("sso_mapping", "import", str(path))
    assert list(GroupMapping.objects.values_list("description", flat=True)) == ["Taimi-Viestinta"]


def test_a_wrong_mapping_file_changes_nothing(mapping, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"mappings": [{"group_id": "x", "role": "Ei tällaista roolia"}]}))
    with pytest.raises(CommandError, match="no role 'Ei tällaista roolia'; the mapping was not changed"):
        call_command("sso_mapping", "import", str(path))
    assert GroupMapping.objects.count() == 7


def test_administrators_edit_and_export_the_mapping_in_the_admin(
    client, mapping, administrator_user, staff_user
):
    client.force_login(administrator_user)
    listing = client.get("/admin/snippets/sso/groupmapping/")
    assert listing.status_code == 200 and "Taimi-Viestinta" in listing.content.decode()
    csv = client.get("/admin/snippets/sso/groupmapping/?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert GROUP_IDS["Taimi-Viestinta"] in body and roles.COMMUNICATION in body
    client.force_login(staff_user)
    assert client.get("/admin/snippets/sso/groupmapping/").status_code in {302, 403}
