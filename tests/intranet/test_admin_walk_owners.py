"""The admin access walk for instruction owners: one of another unit, the payments unit's own
(tests/intranet/test_admin_walk.py).
"""

import pytest

from tests.intranet.admin_secrets import library, payments_owner, secrets, sso_regional_editor, walk  # noqa: F401

WALKED = ["instruction_owner_user", "payments_owner"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", WALKED)
def test_no_admin_view_shows_or_changes_what_the_role_may_not_see(client, request, secrets, role):  # noqa: F811
    walk(client, request.getfixturevalue(role), secrets, role)
