"""The admin access walk for a regional editor signed in with a work account
(tests/intranet/test_admin_walk.py).
"""

import pytest

from tests.intranet.admin_secrets import library, payments_owner, secrets, sso_regional_editor, walk  # noqa: F401

WALKED = ["sso_regional_editor"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", WALKED)
def test_no_admin_view_shows_or_changes_what_the_role_may_not_see(client, request, secrets, role):  # noqa: F811
    walk(client, request.getfixturevalue(role), secrets, role)
