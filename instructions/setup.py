"""The library's fixed structure, kept in code like the roles (run after every migrate).

The section ``/ohjeet/`` ("Ohjeet") under the Finnish home page and its Swedish
translation ("Anvisningar"), so that editors can translate instructions straight
away. news.setup creates the Swedish locale and home page this builds on.
"""

from django.apps import apps
from django.db import transaction

LIBRARY_SLUG = "ohjeet"
LIBRARY_TITLES = {"fi": "Ohjeet", "sv": "Anvisningar"}
LIBRARY_INTRO = (
    "Työohjeet, perehdytysaineistot, hallinnon ohjeet, lomakkeet ja TE-akatemian kurssit "
    "yhdessä paikassa – jokaisella ohjeella on omistaja ja tarkistuspäivä."
)

LIBRARY_INTRO_SV = (
    "Arbetsanvisningar, introduktionsmaterial, administrativa anvisningar, blanketter och "
    "TE-akademins kurser på ett ställe – varje anvisning har en ägare och ett "
    "granskningsdatum."
)


@transaction.atomic
def ensure_sections():
    """Create what is missing; return the library pages (Finnish first). Safe to run any time."""
    from wagtail.models import Locale, Site

    from instructions.models import InstructionLibraryPage

    # The site's home page type belongs to the shell above; looked up by name, not imported.
    HomePage = apps.get_model("intranet", "HomePage")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not isinstance(site.root_page.specific, HomePage):
        return []
    home = site.root_page.specific
    library = InstructionLibraryPage.objects.child_of(home).first()
    if library is None:
        library = InstructionLibraryPage(
            title=LIBRARY_TITLES["fi"], slug=LIBRARY_SLUG, locale=home.locale, intro=LIBRARY_INTRO
        )
        home.add_child(instance=library)
        library.save_revision().publish()
    swedish = Locale.objects.filter(language_code="sv").first()
    if swedish is None:
        return [library]
    library_sv = library.get_translation_or_none(swedish)
    if library_sv is None and home.get_translation_or_none(swedish) is not None:
        library_sv = library.copy_for_translation(swedish)
        library_sv.title = library_sv.draft_title = LIBRARY_TITLES["sv"]
        library_sv.intro = LIBRARY_INTRO_SV
        library_sv.save_revision().publish()
    if library_sv is not None and library_sv.specific.intro in ("", LIBRARY_INTRO):  # once written in Finnish
        library_sv = library_sv.specific
        library_sv.intro = LIBRARY_INTRO_SV
        library_sv.save_revision().publish()
    return [library] + ([library_sv.specific] if library_sv is not None else [])
