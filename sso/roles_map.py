"""The one place the sso app imports the platform's roles from (moves with the roles registry)."""

from core.roles import ADMINISTRATORS, REGIONAL_EDITOR_PREFIX, ROLES, STAFF

__all__ = [
    "ADMINISTRATORS",
    "REGIONAL_EDITOR_PREFIX",
    "ROLES",
    "STAFF",
    "is_role_group_name",
    "is_administrator",
]


def is_role_group_name(name: str) -> bool:
    """A Django group that is a Taimi role (the roles SSO manages)."""
    return name in ROLES or name.startswith(REGIONAL_EDITOR_PREFIX)


def is_administrator(user) -> bool:
    return bool(user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists())
