"""Wagtail admin dashboard panel: the organisation at a glance, as bar charts."""

from wagtail.admin.ui.components import Component

from teams import services


def _bars(rows: list[tuple[str, str, int]]) -> list[dict]:
    """(label, link, value) -> rows with the bar width as a percentage of the largest value."""
    largest = max((value for _label, _link, value in rows), default=0) or 1
    return [
        {"label": label, "url": url, "value": value, "percent": round(100 * value / largest)}
        for label, url, value in rows
    ]


class OrganisationPanel(Component):
    name = "organisation"
    order = 150  # after Wagtail's site summary, before recent edits
    template_name = "teams/admin/organisation_panel.html"

    class Media:
        css = {"all": ["teams/admin/organisation.css"]}

    def get_context_data(self, parent_context=None):
        units = services.unit_head_counts()
        locations = services.location_list().order_by("-people_count", "name_fi")
        return {
            "units": _bars([(unit.name, f"/ihmiset/?unit={unit.slug}", unit.people_count) for unit in units]),
            "locations": _bars([(loc.name, loc.get_absolute_url(), loc.people_count) for loc in locations]),
        }
