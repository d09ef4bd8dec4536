"""The admin access walk for the communication unit's approver and a regional editor
(tests/intranet/test_admin_walk.py).
"""

import pytest

from tests.intranet.admin_secrets import library, payments_owner, secrets, sso_regional_editor, walk  # noqa: F401

WALKED = ["communication_approver_user", "regional_editor_user"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", WALKED)
def test_no_admin_view_shows_or_changes_what_the_role_may_not_see(client, request, secrets, role):  # noqa: F811
    walk(client, request.getfixturevalue(role), secrets, role)
