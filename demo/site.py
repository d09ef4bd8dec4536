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
            ("paragraph", "<p>KEHA-keskus aloitti toimintansa 1.1.2015. Noin 550 asiantuntijaa työskentelee 34 "
                          "paikkakunnalla Kantvikista Sallaan. Tiimit kokoontuvat verkossa, ja johtaminen perustuu "
                          "tuloksiin, ei työn tekemisen paikkaan.</p>"),
            ("heading", "Yksiköt"),
            ("paragraph", "<ul><li>Henkilöstö- ja lakipalvelut</li><li>Asianhallinta ja virastopalvelut</li>"
                          "<li>Maksatusyksikkö</li><li>Talouspalvelut</li><li>Tietohallinto ja viestintä</li>"
                          "<li>Toiminnan kehittäminen</li><li>Johdon tukiyksikkö</li>"
                          "<li>Siviilipalveluskeskus</li></ul>"),
        ],
    ),
    (
        "monipaikkainen-tyo",
        "Monipaikkainen työ",
        "Työ ei ole paikka. Näin teemme töitä yhdessä, vaikka istumme eri puolilla Suomea.",
        [
            ("paragraph", "<p>Tehtävät eivät ole sidottuja paikkaan, ja valtakunnalliset työjonot tasaavat "
                          "kuormaa. Verkostossa ratkaisee, miten hyvin olet tavoitettavissa: merkitse siis "
                          "päivän työskentelypaikkasi ja tilasi, ja osallistu tiimisi keskusteluihin.</p>"),
            ("quote", "Passiivisuus ei kanna."),
            ("paragraph", "<p>Virtuaalisen työkulttuurin valmennus (VIRTU) tuotti käytäntöjä, joita jatkamme: "
                          "yhteiset pelisäännöt verkkokokouksille, kokeiluja tapaamisten välissä ja aikaa myös "
                          "vapaamuotoiselle yhteydenpidolle.</p>"),
        ],
    ),
    (
        "viestinnan-tyonjako",
        "Viestinnän työnjako",
        "Valtakunnallinen viestintä kerran, kaikille – alueelliset erityispiirteet mukaan.",
        [
            ("paragraph", "<p>KEHA-keskus vastaa valtakunnallisesti yhdenmukaisesta viestinnästä ja tukee "
                          "alueellista viestintää. ELY-keskukset ja TE-toimistot toteuttavat alueellisen "
                          "viestinnän ja täydentävät valtakunnallisia uutisia alueensa tiedoilla.</p>"),
            ("paragraph", "<p>Yhtenäinen valtakunnallinen viestintä ei tarkoita alueellisten erityispiirteiden "
                          "jättämistä pois.</p>"),
        ],
    ),
]


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
