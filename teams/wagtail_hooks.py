"""The organisation in the Wagtail admin: one "Organisation" menu with search and filters."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import roles
from teams.admin_forms import PersonAdminForm
from teams.admin_panels import OrganisationPanel
from teams.models import Agency, Location, Person, Team, Unit


class OrganisationViewSet(SnippetViewSet):
    # Search with the database (icontains over search_fields): no search index
    # to keep in step, and these lists are small (hundreds of rows).
    search_backend_name = None
    list_per_page = 50


class AgencyViewSet(OrganisationViewSet):
    model = Agency
    icon = "site"
    list_display = ["name_fi", "short_name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name_fi", "name_sv", "name_en", "short_name"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")
        ),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("editor_group"),
    ]


class UnitViewSet(OrganisationViewSet):
    model = Unit
    icon = "group"
    list_display = ["name_fi", "name_sv", "name_en", "agency"]
    list_filter = ["agency"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")
        ),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("agency")]),
        FieldPanel("description"),
    ]

    def get_queryset(self, request):
        return Unit.objects.select_related("agency")


class LocationViewSet(OrganisationViewSet):
    model = Location
    icon = "home"
    list_display = ["name_fi", "name_sv", "region", "office_name"]
    list_filter = ["region"]
    search_fields = ["name_fi", "name_sv", "office_name", "street_address"]


class TeamViewSet(OrganisationViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "unit", "parent"]
    list_filter = ["unit"]
    search_fields = ["name", "description"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("parent")]),
        FieldPanel("description"),
        InlinePanel("memberships", heading=_("Members"), label=_("member")),
    ]

    def get_queryset(self, request):
        return Team.objects.select_related("unit", "parent")


class PersonViewSet(OrganisationViewSet):
    model = Person
    icon = "user"
    list_display = ["full_name", "title", "agency", "unit", "home_location"]
    list_filter = ["agency", "unit", "home_location"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "title"]
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("agency"), FieldPanel("unit")]),
            FieldRowPanel([FieldPanel("home_location"), FieldPanel("manager")]),
            FieldPanel("phone"),
            FieldPanel("languages"),
            FieldPanel("expertise"),
            FieldPanel("photo"),
        ],
        base_form_class=PersonAdminForm,
    )

    def get_queryset(self, request):
        return Person.objects.select_related("user", "agency", "unit", "home_location")


class OrganisationGroup(SnippetViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 250
    items = (PersonViewSet, TeamViewSet, UnitViewSet, AgencyViewSet, LocationViewSet)


register_snippet(OrganisationGroup)


@hooks.register("construct_homepage_panels")
def add_organisation_panel(request, panels):
    panels.append(OrganisationPanel())


@hooks.register("after_create_snippet")
def give_new_agency_its_editor_group(request, instance):
    """A client agency gets its regional editors' group as soon as it is created."""
    if (
        isinstance(instance, Agency)
        and instance.kind != Agency.Kind.KEHA
        and instance.editor_group_id is None
    ):
        roles.ensure_regional_editor_group(agency=instance)
