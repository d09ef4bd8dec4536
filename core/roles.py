"""The platform's roles as Django groups, with their permissions kept in code.

Roles (group names are what administrators see, so they are in Finnish):

* Staff ("Henkilöstö"): everyone; reads everything, edits their own profile.
* National communication unit ("Valtakunnallinen viestintä"): Wagtail admin,
  drafts news and site pages, manages images/documents; national news goes to
  the approval workflow.
* Communication approvers ("Viestinnän hyväksyjät"): the communication unit's
  approvers; approve (publish) national news and publish site pages.
* Regional editors, one group per client agency ("Alueellinen toimittaja – …"):
  Wagtail admin, news section only: publish their own agency's news and add
  regional supplements for their agency (narrowed in news.permissions).
* Instruction owners ("Ohjeiden omistajat"): Wagtail admin, the instruction
  library only: write, translate and publish the instructions of their own unit
  (narrowed in instructions.permissions), manage documents.
* Administrators ("Ylläpitäjät"): everything above plus the organisation
  (agencies, units, locations, teams, people) and user accounts.

:func:`sync_groups` makes the database match this module; it runs after every
``migrate`` and from the demo-data command, and is safe to run any time.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction

STAFF = "Henkilöstö"
COMMUNICATION = "Valtakunnallinen viestintä"
COMMUNICATION_APPROVERS = "Viestinnän hyväksyjät"
INSTRUCTION_OWNERS = "Ohjeiden omistajat"
ADMINISTRATORS = "Ylläpitäjät"
REGIONAL_EDITOR_PREFIX = "Alueellinen toimittaja – "

ORGANISATION_MODELS = ["agency", "unit", "location", "team", "person", "teammembership"]
CRUD = ["add", "change", "delete", "view"]


# Where page permissions are granted: "site" is the home page (its whole tree),
# "news" every news section (Finnish and Swedish trees).
SITE = "site"
NEWS = "news"
INSTRUCTIONS = "instructions"


@dataclass(frozen=True)
class Role:
    model_permissions: list[str] = field(default_factory=list)  # "app_label.codename"
    # section -> Wagtail page permission types granted on that section
    page_permissions: dict[str, list[str]] = field(default_factory=dict)
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

NEWS_SNIPPETS = [f"news.{action}_newscategory" for action in CRUD] + [
    f"news.{action}_regionalsupplement" for action in CRUD
]
SUPPLEMENTS = [f"news.{action}_regionalsupplement" for action in CRUD]
TRANSLATING = ["simple_translation.submit_translation"]
INSTRUCTION_SNIPPETS = [
    f"instructions.{action}_{model}"
    for model in ["topic", "processarea", "onboardingpath"]
    for action in CRUD
]
ONBOARDING_PATHS = [f"instructions.{action}_onboardingpath" for action in ["add", "change", "view"]]
# Search: editors pin best bets and read the search report (search.admin_reports).
SEARCH_EDITING = [f"search.{action}_bestbet" for action in CRUD] + ["search.view_searchlog"]

AUDIT_VIEW = "core.view_auditevent"
PERSONAL_DATA = "privacy.manage_personal_data"

ROLES: dict[str, Role] = {
    STAFF: Role(),
    COMMUNICATION: Role(
        model_permissions=[ADMIN_ACCESS, *NEWS_SNIPPETS, *TRANSLATING, *SEARCH_EDITING],
        page_permissions={SITE: ["add", "change"], NEWS: ["add", "change", "lock", "unlock"]},
        collection_permissions=MEDIA_EDITING,
    ),
    COMMUNICATION_APPROVERS: Role(
        model_permissions=[ADMIN_ACCESS, *NEWS_SNIPPETS, *TRANSLATING, *SEARCH_EDITING],
        page_permissions={
            SITE: ["add", "change", "publish"],
            NEWS: ["add", "change", "publish", "lock", "unlock"],
        },
        collection_permissions=MEDIA_EDITING,
    ),
    INSTRUCTION_OWNERS: Role(
        # The library only; instructions.permissions narrows each
        # owner to the instructions of their own unit.
        model_permissions=[ADMIN_ACCESS, *TRANSLATING, *ONBOARDING_PATHS, *SEARCH_EDITING],
        page_permissions={INSTRUCTIONS: ["add", "change", "publish", "lock", "unlock"]},
        collection_permissions=MEDIA_EDITING,
    ),
    ADMINISTRATORS: Role(
        model_permissions=[ADMIN_ACCESS, *NEWS_SNIPPETS, *TRANSLATING, *INSTRUCTION_SNIPPETS, *SEARCH_EDITING]
        + [f"teams.{action}_{model}" for model in ORGANISATION_MODELS for action in CRUD]
        + [f"auth.{action}_{model}" for model in ["user", "group"] for action in CRUD]
        + ["wagtailusers.add_userprofile", "wagtailusers.change_userprofile"]
        # The work-account group mapping (sso.models.GroupMapping, docs/sso.md).
        + [f"sso.{action}_groupmapping" for action in CRUD]
        # The audit trail (read only) and a person's data: export for a request, erasure, retention,
        # the chat archive (docs/privacy.md).
        + [AUDIT_VIEW, PERSONAL_DATA]
        + ["privacy.view_accessibilityfeedback", "privacy.change_accessibilityfeedback"],
        page_permissions={SITE: ["add", "change", "publish", "bulk_delete", "lock", "unlock"]},
        collection_permissions=MEDIA_EDITING + ["wagtailimages.delete_image", "wagtaildocs.delete_document"],
    ),
}
REGIONAL_EDITOR = Role(
    model_permissions=[ADMIN_ACCESS, *SUPPLEMENTS, *TRANSLATING],
    page_permissions={NEWS: ["add", "change", "publish"]},
    collection_permissions=[
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
    ],
)


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


# What each app adds, registered in its AppConfig.ready() so that the base imports no app: the pages a
# section's page permissions are granted on, steps run before the groups are set (create the sections)
# and after (workflows, per-agency groups). Steps run in ``order``, then registration order.
SECTIONS: dict[str, Callable[[], list]] = {}
SETUP_STEPS: list[tuple[int, Callable[[], object]]] = []
GROUP_STEPS: list[tuple[int, Callable[..., object]]] = []


def register_role(name: str, role: Role) -> None:
    """A role an app brings (events, strategy): its group is synced with the others."""
    ROLES[name] = role


def register_section(name: str, pages: Callable[[], list]) -> None:
    SECTIONS[name] = pages


def register_setup(
    *, order: int, before: Callable[[], object] | None = None, after: Callable[..., object] | None = None
) -> None:
    """``before()`` runs before the groups are synced; ``after(groups=, sections=)`` after."""
    if before is not None:
        SETUP_STEPS.append((order, before))
    if after is not None:
        GROUP_STEPS.append((order, after))


def _section_pages() -> dict[str, list]:
    """The pages each section's permissions are granted on (empty while the site is being set up)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    return {SITE: [site.root_page], **{name: pages() for name, pages in SECTIONS.items()}}


def _apply(group: Group, role: Role, sections: dict[str, list] | None = None) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    group.permissions.set(_permissions(role.model_permissions))
    sections = _section_pages() if sections is None else sections
    if sections:
        wanted = set()
        for section, kinds in role.page_permissions.items():
            for page in sections.get(section, []):
                for kind in kinds:
                    permission = Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=f"{kind}_page"
                    )
                    grant, _created = GroupPagePermission.objects.get_or_create(
                        group=group, page=page, permission=permission
                    )
                    wanted.add(grant.pk)
        GroupPagePermission.objects.filter(group=group).exclude(pk__in=wanted).delete()
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
def ensure_regional_editor_group(*, agency, sections: dict[str, list] | None = None) -> Group:
    """The agency's regional editors group, created and linked on first use."""
    group = agency.editor_group
    if group is None:
        group, _created = Group.objects.get_or_create(name=regional_editor_group_name(agency))
        agency.editor_group = group
        agency.save(update_fields=["editor_group"])
    _apply(group, REGIONAL_EDITOR, sections)
    return group


@transaction.atomic
def sync_groups() -> dict[str, Group]:
    """Create the sections and role groups and set permissions exactly as ROLES says."""
    for _order, step in sorted(SETUP_STEPS, key=lambda item: item[0]):
        step()
    sections = _section_pages()
    groups = {}
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        _apply(group, role, sections)
        groups[name] = group
    for _order, step in sorted(GROUP_STEPS, key=lambda item: item[0]):
        step(groups=groups, sections=sections)
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
