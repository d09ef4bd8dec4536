"""Demo pages under the home page. Idempotent: a page whose slug exists is left as it is."""

from wagtail.models import Site

from intranet.models import HomePage, StandardPage

HOME_INTRO = (
    "<p>Taimi on KEHA-keskuksen ja sen palvelemien ELY-keskusten, TE-toimistojen ja kuntakokeilujen yhteinen "
    "intranet. Täältä löydät valtakunnalliset uutiset, työohjeet, kollegat 34 paikkakunnalta ja tiimien "
    "keskustelut.</p>"
)

PAGES = [
    (
        "keha-keskus",
        "Tietoa KEHA-keskuksesta",
        "KEHA-keskus hoitaa ELY-keskusten ja TE-toimistojen kehittämis- ja hallintopalvelutehtäviä, jotta virastot "
        "voivat keskittyä asiakkaidensa palvelemiseen.",
        [
            ("heading", "Monipaikkainen virasto"),
            (
                "paragraph",
                "<p>KEHA-keskus aloitti toimintansa 1.1.2015. Noin 550 asiantuntijaa työskentelee 34 "
                "paikkakunnalla Kantvikista Sallaan. Tiimit kokoontuvat verkossa, ja johtaminen perustuu "
                "tuloksiin, ei työn tekemisen paikkaan.</p>",
            ),
            ("heading", "Yksiköt"),
            (
                "paragraph",
                "<ul><li>Henkilöstö- ja lakipalvelut</li><li>Asianhallinta ja virastopalvelut</li>"
                "<li>Maksatusyksikkö</li><li>Talouspalvelut</li><li>Tietohallinto ja viestintä</li>"
                "<li>Toiminnan kehittäminen</li><li>Johdon tukiyksikkö</li>"
                "<li>Siviilipalveluskeskus</li></ul>",
            ),
        ],
    ),
    (
        "monipaikkainen-tyo",
        "Monipaikkainen työ",
        "Työ ei ole paikka. Näin teemme töitä yhdessä, vaikka istumme eri puolilla Suomea.",
        [
            (
                "paragraph",
                "<p>Tehtävät eivät ole sidottuja paikkaan, ja valtakunnalliset työjonot tasaavat "
                "kuormaa. Verkostossa ratkaisee, miten hyvin olet tavoitettavissa: merkitse siis "
                "päivän työskentelypaikkasi ja tilasi, ja osallistu tiimisi keskusteluihin.</p>",
            ),
            ("quote", "Passiivisuus ei kanna."),
            (
                "paragraph",
                "<p>Virtuaalisen työkulttuurin valmennus (VIRTU) tuotti käytäntöjä, joita jatkamme: "
                "yhteiset pelisäännöt verkkokokouksille, kokeiluja tapaamisten välissä ja aikaa myös "
                "vapaamuotoiselle yhteydenpidolle.</p>",
            ),
        ],
    ),
    (
        "viestinnan-tyonjako",
        "Viestinnän työnjako",
        "Valtakunnallinen viestintä kerran, kaikille – alueelliset erityispiirteet mukaan.",
        [
            (
                "paragraph",
                "<p>KEHA-keskus vastaa valtakunnallisesti yhdenmukaisesta viestinnästä ja tukee "
                "alueellista viestintää. ELY-keskukset ja TE-toimistot toteuttavat alueellisen "
                "viestinnän ja täydentävät valtakunnallisia uutisia alueensa tiedoilla.</p>",
            ),
            (
                "paragraph",
                "<p>Yhtenäinen valtakunnallinen viestintä ei tarkoita alueellisten erityispiirteiden "
                "jättämistä pois.</p>",
            ),
        ],
    ),
]


# The Swedish versions: every card of the Swedish home page is in Swedish.
SWEDISH = {
    "keha-keskus": (
        "Om KEHA-centret",
        "KEHA-centret sköter utvecklings- och förvaltningsuppgifter för NTM-centralerna och arbets- och "
        "näringsbyråerna, så att myndigheterna kan koncentrera sig på att betjäna sina kunder.",
        [
            ("heading", "En myndighet på många orter"),
            (
                "paragraph",
                "<p>KEHA-centret inledde sin verksamhet 1.1.2015. Cirka 550 sakkunniga arbetar på 34 "
                "orter från Kantvik till Salla. Teamen möts på nätet, och ledningen bygger på resultat, "
                "inte på var arbetet utförs.</p>",
            ),
        ],
    ),
    "monipaikkainen-tyo": (
        "Arbete på många orter",
        "Arbete är inte en plats. Så här arbetar vi tillsammans, fast vi sitter i olika delar av Finland.",
        [
            (
                "paragraph",
                "<p>Uppgifterna är inte bundna till en ort, och riksomfattande arbetsköer jämnar ut "
                "belastningen. I ett nätverk avgör det hur väl du går att nå: markera alltså var du "
                "arbetar i dag och din status, och delta i teamets diskussioner.</p>",
            ),
        ],
    ),
    "viestinnan-tyonjako": (
        "Kommunikationens arbetsfördelning",
        "Riksomfattande kommunikation en gång, för alla – med de regionala särdragen.",
        [
            (
                "paragraph",
                "<p>KEHA-centret svarar för en enhetlig riksomfattande kommunikation och stöder den "
                "regionala kommunikationen. NTM-centralerna och arbets- och näringsbyråerna sköter den "
                "regionala kommunikationen och kompletterar de riksomfattande nyheterna med uppgifter "
                "om sin region.</p>",
            ),
        ],
    ),
}
HOME_INTRO_SV = (
    "<p>Taimi är det gemensamma intranätet för KEHA-centret och de NTM-centraler, arbets- och näringsbyråer "
    "och kommunförsök som det betjänar. Här hittar du riksomfattande nyheter, arbetsanvisningar, kolleger på "
    "34 orter och teamens diskussioner.</p>"
)


def load_swedish_versions() -> None:
    """The Swedish home page's introduction and the content pages' Swedish versions, where missing.

    Runs after the news setup, which creates the Swedish home page.
    """
    from wagtail.models import Locale

    home = Site.objects.get(is_default_site=True).root_page.specific
    swedish = Locale.objects.filter(language_code="sv").first()
    home_sv = home.get_translation_or_none(swedish) if swedish else None
    if home_sv is None:
        return
    home_sv = home_sv.specific
    if not home_sv.intro:
        home_sv.intro = HOME_INTRO_SV
        home_sv.save_revision().publish()
    for page in StandardPage.objects.child_of(home).filter(slug__in=SWEDISH):
        if page.get_translation_or_none(swedish) is not None:
            continue
        title, intro, body = SWEDISH[page.slug]
        translation = page.copy_for_translation(swedish)
        translation.title = translation.draft_title = title
        translation.intro, translation.body = intro, body
        translation.save_revision().publish()


def load_pages(*, progress=lambda *args: None) -> int:
    """Fill in the home page and create the content pages that are missing. Returns how many were created."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage), "the default site's root must be the intranet HomePage"
    created = 0
    if not home.intro:
        home.intro = HOME_INTRO
        home.save_revision().publish()
    existing = set(home.get_children().values_list("slug", flat=True))
    for index, (slug, title, intro, body) in enumerate(PAGES, start=1):
        if slug not in existing:
            page = StandardPage(title=title, slug=slug, intro=intro, body=body)
            home.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        progress("pages", index, len(PAGES))
    return created
