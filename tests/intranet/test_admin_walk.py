"""The admin access walk: every admin URL, for every role, with other agencies' and audiences' objects.

The URLs come from the resolver (tests/intranet/admin_walk.py), so a new admin
view is walked without being listed. For each role, every URL is requested with
GET and then POST, with the secret objects' ids in the path and in ``?id=``
(bulk actions, choosers). A response must not name a secret (title, body,
document title, file name, file content), and after a POST every secret object
must still be there unchanged.
"""

import pytest
from wagtail.documents import get_document_model

from tests.intranet import test_admin_walk_editors, test_admin_walk_owners, test_admin_walk_work_account
from tests.intranet.admin_secrets import (  # noqa: F401 - fixtures
    KEHA,
    PILOT,
    ROLES,
    SUPPLEMENT,
    library,
    payments_owner,
    response_text,
    secrets,
    sso_regional_editor,
    walk,
)

# One file per group of roles (each walk takes half a minute), so that the xdist processes share them.

WALKED = ["staff_user", "communication_user"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", WALKED)
def test_no_admin_view_shows_or_changes_what_the_role_may_not_see(client, request, secrets, role):  # noqa: F811
    walk(client, request.getfixturevalue(role), secrets, role)


def test_every_role_is_walked_by_one_of_the_files():
    walked = WALKED + sum(
        (
            module.WALKED
            for module in (test_admin_walk_editors, test_admin_walk_owners, test_admin_walk_work_account)
        ),
        [],
    )
    assert sorted(walked) == sorted(ROLES)


@pytest.mark.django_db
def test_the_walk_sees_the_secrets_where_they_are_allowed(client, secrets, administrator_user):  # noqa: F811
    """The markers are findable: an administrator sees each of them somewhere in the same walk's views."""
    client.force_login(administrator_user)
    keha_page, pilot_page = secrets.pages[1:]
    texts = [
        response_text(client.get(f"/admin/pages/{secrets.pages[0]}/")),
        response_text(client.get(f"/admin/pages/{keha_page}/edit/")),
        response_text(client.get(f"/admin/pages/{pilot_page}/edit/")),
        response_text(client.get("/admin/documents/chooser/")),
        response_text(client.get(f"/admin/snippets/news/regionalsupplement/edit/{secrets.supplements[0]}/")),
    ]
    for document in get_document_model().objects.filter(pk__in=secrets.documents):
        texts.append(response_text(client.get(document.url)))
    everything = " ".join(texts)
    assert [marker for marker in KEHA + PILOT + SUPPLEMENT if marker.lower() not in everything] == []
