"""The platform's roles as Django groups, with their permissions kept in code.

Roles (group names are what administrators see, so they are in Finnish):

* Staff ("Henkilöstö"): everyone; reads everything, edits their own profile.
* National communication unit ("Valtakunnallinen viestintä"): Wagtail admin,
  creates and publishes pages anywhere in the site, manages images/documents.
* Regional editors, one group per client agency ("Alueellinen toimittaja – …"):
  Wagtail admin, drafts pages and uploads images; the news issue gives them
  publishing rights for their agency's regional supplements.
* Instruction owners ("Ohjeiden omistajat"): Wagtail admin, drafts pages and
  manages documents; the instruction-library issue scopes this to the library.
* Administrators ("Ylläpitäjät"): everything above plus the organisation
  (agencies, units, locations, teams, people) and user accounts.

:func:`sync_groups` makes the database match this module; it runs after every
``migrate`` and from the demo-data command, and is safe to run any time.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction

STAFF = "Henkilöstö"
COMMUNICATION = "Valtakunnallinen viestintä"
INSTRUCTION_OWNERS = "Ohjeiden omistajat"
ADMINISTRATORS = "Ylläpitäjät"
REGIONAL_EDITOR_PREFIX = "Alueellinen toimittaja – "

ORGANISATION_MODELS = ["agency", "unit", "location", "team", "person", "teammembership"]
CRUD = ["add", "change", "delete", "view"]


@dataclass(frozen=True)
class Role:
    model_permissions: list[str] = field(default_factory=list)  # "app_label.codename"
    page_permissions: list[str] = field(default_factory=list)  # Wagtail page permission types
    collection_permissions: list[str] = field(default_factory=list)  # "app_label.codename"


ADMIN_ACCESS = "wagtailadmin.access_admin"
MEDIA_EDITING = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]

ROLES: dict[str, Role] = {
    STAFF: Role(),
    COMMUNICATION: Role(
        model_permissions=[ADMIN_ACCESS],
        page_permissions=["add", "change", "publish", "lock", "unlock"],
        collection_permissions=MEDIA_EDITING,
    ),
    INSTRUCTION_OWNERS: Role(
        model_permissions=[ADMIN_ACCESS],
        page_permissions=["add", "change"],
        collection_permissions=MEDIA_EDITING,
    ),
    ADMINISTRATORS: Role(
        model_permissions=[ADMIN_ACCESS]
        + [f"teams.{action}_{model}" for model in ORGANISATION_MODELS for action in CRUD]
        + [f"auth.{action}_{model}" for model in ["user", "group"] for action in CRUD]
        + ["wagtailusers.add_userprofile", "wagtailusers.change_userprofile"],
        page_permissions=["add", "change", "publish", "bulk_delete", "lock", "unlock"],
        collection_permissions=MEDIA_EDITING + ["wagtailimages.delete_image", "wagtaildocs.delete_document"],
    ),
}
REGIONAL_EDITOR = Role(
    model_permissions=[ADMIN_ACCESS],
    page_permissions=["add", "change"],
    collection_permissions=["wagtailimages.add_image", "wagtailimages.choose_image", "wagtaildocs.choose_document"],
)


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _apply(group: Group, role: Role) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site

    group.permissions.set(_permissions(role.model_permissions))
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        GroupPagePermission.objects.filter(group=group).exclude(page=site.root_page).delete()
        wanted = {f"{kind}_page" for kind in role.page_permissions}
        GroupPagePermission.objects.filter(group=group).exclude(permission__codename__in=wanted).delete()
        for kind in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=site.root_page,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page"),
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        wanted_perms = _permissions(role.collection_permissions)
        GroupCollectionPermission.objects.filter(group=group).exclude(permission__in=wanted_perms).delete()
        for permission in wanted_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def regional_editor_group_name(agency) -> str:
    return f"{REGIONAL_EDITOR_PREFIX}{agency.short_name or agency.name_fi}"


@transaction.atomic
def ensure_regional_editor_group(*, agency) -> Group:
    """The agency's regional editors group, created and linked on first use."""
    group = agency.editor_group
    if group is None:
        group, _created = Group.objects.get_or_create(name=regional_editor_group_name(agency))
        agency.editor_group = group
        agency.save(update_fields=["editor_group"])
    _apply(group, REGIONAL_EDITOR)
    return group


@transaction.atomic
def sync_groups() -> dict[str, Group]:
    """Create the role groups and set their permissions exactly as ROLES says."""
    from teams.models import Agency

    groups = {}
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        _apply(group, role)
        groups[name] = group
    for agency in Agency.objects.exclude(kind=Agency.Kind.KEHA).select_related("editor_group"):
        ensure_regional_editor_group(agency=agency)
    return groups


def sync_groups_after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver: runs once, after the last app's permissions exist.

    post_migrate is sent once per app, in INSTALLED_APPS order, and Django
    creates each app's permissions in its own round; Wagtail's come after ours.
    """
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is last:
        sync_groups()
