"""The events section's fixed structure, kept in code like the roles (run after every migrate).

``/tapahtumat/`` under the home page with its Swedish translation, and the
event kinds the source documents name (editable afterwards as snippets).
"""

from django.apps import apps
from django.db import transaction

EVENTS_SLUG = "tapahtumat"
EVENTS_TITLES = {"fi": "Tapahtumat", "sv": "Evenemang"}
KINDS = [
    ("henkilostoinfo", "Henkilöstöinfo", "Personalinfo", "Staff info"),
    ("kehittamispaiva", "Kehittämispäivä", "Utvecklingsdag", "Development day"),
    ("webinaari", "Webinaari", "Webbinarium", "Webinar"),
    ("esihenkilofoorumi", "Esihenkilöfoorumi", "Chefsforum", "Supervisor forum"),
    ("koulutus", "Koulutus", "Utbildning", "Training"),
    ("yksikkopalaveri", "Yksikkö- tai ryhmäpalaveri", "Enhets- eller gruppmöte", "Unit or team meeting"),
]


@transaction.atomic
def ensure_sections():
    """Create what is missing; return the events index pages (Finnish first). Safe to run any time."""
    from wagtail.models import Locale, Site

    from events.models import EventIndexPage, EventKind

    for order, (slug, fi, sv, en) in enumerate(KINDS):
        EventKind.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order * 10}
        )
    HomePage = apps.get_model("intranet", "HomePage")  # the shell's page type, by name (not imported)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not isinstance(site.root_page.specific, HomePage):
        return []
    home = site.root_page.specific
    swedish, _created = Locale.objects.get_or_create(language_code="sv")
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(
            title=EVENTS_TITLES["fi"],
            slug=EVENTS_SLUG,
            locale=home.locale,
            intro="Henkilöstöinfot, kehittämispäivät, webinaarit ja koulutukset – ilmoittaudu ja lisää kalenteriisi.",
        )
        # Beside the news section in the page tree, as in the navigation.
        news = home.get_children().filter(slug="uutiset").first()
        if news is not None:
            news.add_sibling(pos="right", instance=index)
        else:
            home.add_child(instance=index)
        index.save_revision().publish()
    home_sv = home.get_translation_or_none(swedish)
    if home_sv is None:
        return [index]
    index_sv = index.get_translation_or_none(swedish)
    if index_sv is None:
        index_sv = index.copy_for_translation(swedish)
        index_sv.title = index_sv.draft_title = EVENTS_TITLES["sv"]
        index_sv.save_revision().publish()
    return [index, index_sv.specific]
