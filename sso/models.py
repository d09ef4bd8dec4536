"""Who signed in with which work account, and which IdP groups give which roles and memberships."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Identity(models.Model):
    """A Taimi user's work account: Entra's stable key is the object id within the tenant."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sso_identity",
        verbose_name=_("user"),
    )
    tenant_id = models.CharField(_("tenant id"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    username = models.CharField(
        _("work account"), max_length=254, blank=True
    )  # preferred_username, may change
    groups = models.JSONField(_("groups at the last sign-in"), default=list, blank=True)
    groups_source = models.CharField(_("where the groups came from"), max_length=10, default="token")
    linked_at = models.DateTimeField(_("linked"), auto_now_add=True)
    last_sign_in = models.DateTimeField(_("last sign-in"), null=True, blank=True)

    class Meta:
        verbose_name = _("work account")
        verbose_name_plural = _("work accounts")
        constraints = [
            models.UniqueConstraint(fields=["tenant_id", "object_id"], name="sso_identity_tid_oid")
        ]

    def __str__(self) -> str:
        return self.username or self.object_id


def role_group_choices():
    from sso.roles_map import REGIONAL_EDITOR_PREFIX, ROLES

    return models.Q(name__in=list(ROLES)) | models.Q(name__startswith=REGIONAL_EDITOR_PREFIX)


class GroupMapping(models.Model):
    """One IdP group and what its members get in Taimi: a role, an agency, a unit and/or a team."""

    group_id = models.CharField(
        _("IdP group id"),
        max_length=64,
        db_index=True,
        help_text=_("The group's object id in Entra ID (a GUID), as the token's groups claim shows it."),
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("The group's name in Entra ID, for people reading this list."),
    )
    tenant_id = models.CharField(
        _("tenant id"),
        max_length=64,
        blank=True,
        help_text=_("Only for people of this tenant; empty for every allowed tenant."),
    )
    role = models.ForeignKey(
        Group,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=role_group_choices,
        verbose_name=_("role"),
    )
    agency = models.ForeignKey(
        "teams.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
    )
    unit = models.ForeignKey(
        "teams.Unit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    team = models.ForeignKey(
        "teams.Team",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team"),
    )

    class Meta:
        verbose_name = _("group mapping")
        verbose_name_plural = _("group mappings")
        ordering = ["description", "group_id"]

    def __str__(self) -> str:
        return self.description or self.group_id

    def grants(self) -> list[str]:
        """What this row gives, in words (the admin list and the "why" page)."""
        parts = []
        if self.role_id:
            parts.append(str(_("role %(name)s") % {"name": self.role.name}))
        if self.agency_id:
            parts.append(str(_("agency %(name)s") % {"name": self.agency}))
        if self.unit_id:
            parts.append(str(_("unit %(name)s") % {"name": self.unit}))
        if self.team_id:
            parts.append(str(_("team %(name)s") % {"name": self.team}))
        return parts
