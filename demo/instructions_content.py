"""Text of the demo instruction library (Finnish, some Swedish), used by instructions.demo.

The topics are the processes the domain brief (§6) names; that TE-työohjeet
cover them is an inference, and every sentence here is invented for the demo.
Terms appear in their inflected forms (palkkatuen, työnhakijalle,
maksatuspäätöksen, matkalaskun, kulunvalvonnan, ...), as real instructions
would use them, so that Finnish search has something to stem.

A topic: (slug, Finnish, Swedish, English, owner unit slug, process area slug,
audience kinds, kinds in order of likelihood). A subject: (nominative,
genitive, Swedish). Each subject gets one instruction per kind pattern.
"""

PROCESS_AREAS = [
    (
        "tyonhakijan-palveluprosessi",
        "Työnhakijan palveluprosessi",
        "Servicesprocessen för arbetssökande",
        "Jobseeker service process",
    ),
    ("maksatus", "Maksatus ja takaisinperintä", "Utbetalning och återkrav", "Payments and recovery"),
    ("talous", "Talous", "Ekonomi", "Finance"),
    ("henkilosto", "Henkilöstöhallinto", "Personaladministration", "HR administration"),
    (
        "asianhallinta",
        "Asianhallinta ja virastopalvelut",
        "Ärendehantering och ämbetsverkstjänster",
        "Records and office services",
    ),
    ("turvallisuus", "Turvallisuus ja valmius", "Säkerhet och beredskap", "Security and preparedness"),
    ("digipalvelut", "Digitaaliset palvelut", "Digitala tjänster", "Digital services"),
]

TE_AND_PILOTS = ["te", "municipal_pilot"]
CLIENT_AGENCIES = ["keha", "ely", "te"]

TOPICS = [
    (
        "tyonhaun-aloitus",
        "Työnhaun aloittaminen",
        "Inledande av jobbsökning",
        "Starting a job search",
        "toiminnan-kehittaminen",
        "tyonhakijan-palveluprosessi",
        TE_AND_PILOTS,
        ["work_instruction", "onboarding", "course", "form", "administrative"],
    ),
    (
        "haastattelut",
        "Työnhakijan haastattelut",
        "Intervjuer med arbetssökande",
        "Jobseeker interviews",
        "toiminnan-kehittaminen",
        "tyonhakijan-palveluprosessi",
        TE_AND_PILOTS,
        ["work_instruction", "course", "onboarding", "form", "administrative"],
    ),
    (
        "tyonhakuvelvollisuus",
        "Määrällinen työnhakuvelvollisuus",
        "Kvantitativ skyldighet att söka arbete",
        "Quantitative job-search obligation",
        "toiminnan-kehittaminen",
        "tyonhakijan-palveluprosessi",
        TE_AND_PILOTS,
        ["work_instruction", "administrative", "course", "form", "onboarding"],
    ),
    (
        "lausunnot",
        "Työvoimapoliittiset lausunnot",
        "Arbetskraftspolitiska utlåtanden",
        "Labour-policy statements",
        "toiminnan-kehittaminen",
        "tyonhakijan-palveluprosessi",
        TE_AND_PILOTS,
        ["work_instruction", "administrative", "course", "form", "onboarding"],
    ),
    (
        "palvelutarve",
        "Palvelutarpeen arviointi",
        "Bedömning av servicebehov",
        "Service-need assessment",
        "toiminnan-kehittaminen",
        "tyonhakijan-palveluprosessi",
        TE_AND_PILOTS,
        ["work_instruction", "onboarding", "course", "form", "administrative"],
    ),
    (
        "palkkatuki",
        "Palkkatuki",
        "Lönesubvention",
        "Pay subsidy",
        "maksatusyksikko",
        "maksatus",
        ["keha", "te", "municipal_pilot"],
        ["work_instruction", "form", "administrative", "course", "onboarding"],
    ),
    (
        "matkustaminen",
        "Matkustaminen ja matkalaskut",
        "Resor och reseräkningar",
        "Travel and travel claims",
        "talouspalvelut",
        "talous",
        [],
        ["administrative", "form", "work_instruction", "onboarding", "course"],
    ),
    (
        "kulut",
        "Kulujen käsittely",
        "Hantering av utgifter",
        "Expense handling",
        "talouspalvelut",
        "talous",
        CLIENT_AGENCIES,
        ["work_instruction", "administrative", "form", "onboarding", "course"],
    ),
    (
        "rekrytointi",
        "Rekrytointi",
        "Rekrytering",
        "Recruitment",
        "henkilosto-ja-lakipalvelut",
        "henkilosto",
        [],
        ["administrative", "work_instruction", "form", "onboarding", "course"],
    ),
    (
        "kehityskeskustelut",
        "Kehitys- ja osaamiskeskustelut",
        "Utvecklings- och kompetenssamtal",
        "Development discussions",
        "henkilosto-ja-lakipalvelut",
        "henkilosto",
        [],
        ["administrative", "onboarding", "form", "course", "work_instruction"],
    ),
    (
        "tyokyky",
        "Työkyvyn tuki (Sirius)",
        "Stöd för arbetsförmågan (Sirius)",
        "Work-ability support (Sirius)",
        "henkilosto-ja-lakipalvelut",
        "henkilosto",
        CLIENT_AGENCIES,
        ["administrative", "work_instruction", "onboarding", "form", "course"],
    ),
    (
        "kirjaamo",
        "Kirjaamo ja arkistointi",
        "Registratur och arkivering",
        "Registry and archiving",
        "asianhallinta-ja-virastopalvelut",
        "asianhallinta",
        CLIENT_AGENCIES,
        ["work_instruction", "administrative", "onboarding", "form", "course"],
    ),
    (
        "hankinnat",
        "Hankinnat",
        "Upphandlingar",
        "Procurement",
        "asianhallinta-ja-virastopalvelut",
        "asianhallinta",
        ["keha", "ely"],
        ["administrative", "work_instruction", "form", "course", "onboarding"],
    ),
    (
        "kulunvalvonta",
        "Kulunvalvonta ja henkilökortit",
        "Passerkontroll och id-kort",
        "Access control and ID cards",
        "asianhallinta-ja-virastopalvelut",
        "turvallisuus",
        ["keha"],
        ["work_instruction", "administrative", "form", "onboarding", "course"],
    ),
    (
        "valmius",
        "Valmiustehtävät",
        "Beredskapsuppgifter",
        "Preparedness tasks",
        "johdon-tukiyksikko",
        "turvallisuus",
        ["keha", "ely"],
        ["administrative", "work_instruction", "onboarding", "course", "form"],
    ),
    (
        "te-digi",
        "TE-Digi ja Työmarkkinatori",
        "TE-Digi och Jobbmarknaden",
        "TE-Digi and Job Market Finland",
        "toiminnan-kehittaminen",
        "digipalvelut",
        ["keha", "te", "municipal_pilot"],
        ["onboarding", "course", "work_instruction", "form", "administrative"],
    ),
    (
        "tietoturva",
        "Tietoturva ja tietosuoja",
        "Informationssäkerhet och dataskydd",
        "Security and data protection",
        "tietohallinto-ja-viestinta",
        "turvallisuus",
        [],
        ["administrative", "onboarding", "work_instruction", "course", "form"],
    ),
]

# topic slug -> [(nominative, genitive, Swedish)]
SUBJECTS = {
    "tyonhaun-aloitus": [
        (
            "työnhaun aloittaminen verkossa",
            "verkossa aloitetun työnhaun",
            "inledande av jobbsökning på nätet",
        ),
        ("alkuhaastattelu", "alkuhaastattelun", "inledande intervju"),
        (
            "työnhakijan tietojen tarkistus",
            "työnhakijan tietojen tarkistuksen",
            "kontroll av den arbetssökandes uppgifter",
        ),
        (
            "työnhakuvelvollisuudesta kertominen",
            "työnhakuvelvollisuudesta kertomisen",
            "information om skyldigheten att söka arbete",
        ),
        (
            "työttömyysetuuden edellytykset",
            "työttömyysetuuden edellytysten",
            "villkor för arbetslöshetsförmån",
        ),
        (
            "asiakkaan ohjaus oikeaan palveluun",
            "asiakkaan ohjauksen",
            "hänvisning av kunden till rätt tjänst",
        ),
    ],
    "haastattelut": [
        ("täydentävä haastattelu", "täydentävän haastattelun", "kompletterande intervju"),
        ("työnhakukeskustelu", "työnhakukeskustelun", "jobbsökningssamtal"),
        ("etähaastattelu", "etähaastattelun", "distansintervju"),
        ("työllistymissuunnitelma", "työllistymissuunnitelman", "sysselsättningsplan"),
        ("haastattelun kirjaaminen", "haastattelun kirjaamisen", "dokumentation av intervjun"),
        ("tulkin käyttö haastattelussa", "tulkin käytön", "användning av tolk"),
    ],
    "tyonhakuvelvollisuus": [
        (
            "työnhakuvelvollisuuden asettaminen",
            "työnhakuvelvollisuuden asettamisen",
            "fastställande av sökskyldigheten",
        ),
        (
            "työnhakuvelvollisuuden alentaminen",
            "työnhakuvelvollisuuden alentamisen",
            "sänkning av sökskyldigheten",
        ),
        ("haettujen työpaikkojen seuranta", "haettujen työpaikkojen seurannan", "uppföljning av sökta jobb"),
        ("laiminlyönnin selvittäminen", "laiminlyönnin selvittämisen", "utredning av försummelse"),
        (
            "työnhakuvelvollisuuden poikkeukset",
            "työnhakuvelvollisuuden poikkeusten",
            "undantag från sökskyldigheten",
        ),
    ],
    "lausunnot": [
        ("työvoimapoliittinen lausunto", "työvoimapoliittisen lausunnon", "arbetskraftspolitiskt utlåtande"),
        (
            "lausunto omaehtoisesta opiskelusta",
            "omaehtoista opiskelua koskevan lausunnon",
            "utlåtande om frivilliga studier",
        ),
        (
            "lausunto työstä kieltäytymisestä",
            "työstä kieltäytymistä koskevan lausunnon",
            "utlåtande om vägran att ta emot arbete",
        ),
        (
            "sivutoimisen yritystoiminnan arviointi",
            "sivutoimisen yritystoiminnan arvioinnin",
            "bedömning av bisyssla som företagare",
        ),
        ("kuulemiskirje", "kuulemiskirjeen", "hörandebrev"),
        ("lausunnon korjaaminen", "lausunnon korjaamisen", "rättelse av utlåtande"),
    ],
    "palvelutarve": [
        ("palvelutarpeen arviointi", "palvelutarpeen arvioinnin", "bedömning av servicebehov"),
        ("osaamiskartoitus", "osaamiskartoituksen", "kompetenskartläggning"),
        ("monialainen palvelu", "monialaisen palvelun", "sektorsövergripande service"),
        ("työkyvyn arviointi palvelutarpeessa", "työkyvyn arvioinnin", "bedömning av arbetsförmågan"),
        ("ohjaus koulutukseen", "koulutukseen ohjaamisen", "hänvisning till utbildning"),
        ("nuoren asiakkaan palvelutarve", "nuoren asiakkaan palvelutarpeen", "ung kunds servicebehov"),
    ],
    "palkkatuki": [
        ("palkkatukihakemus", "palkkatukihakemuksen", "ansökan om lönesubvention"),
        (
            "palkkatuen maksatushakemus",
            "palkkatuen maksatushakemuksen",
            "ansökan om utbetalning av lönesubvention",
        ),
        ("maksatuspäätös", "maksatuspäätöksen", "utbetalningsbeslut"),
        ("palkkatuen takaisinperintä", "palkkatuen takaisinperinnän", "återkrav av lönesubvention"),
        ("palkkatuen ennakkomaksu", "palkkatuen ennakkomaksun", "förskottsbetalning av lönesubvention"),
        ("palkkatuen sähköinen asiointi", "palkkatuen sähköisen asioinnin", "e-tjänsten för lönesubvention"),
        ("palkkakustannusten tarkastus", "palkkakustannusten tarkastuksen", "granskning av lönekostnader"),
    ],
    "matkustaminen": [
        ("matkasuunnitelma", "matkasuunnitelman", "reseplan"),
        ("matkalasku", "matkalaskun", "reseräkning"),
        (
            "päivärahat ja ateriakorvaukset",
            "päivärahojen ja ateriakorvausten",
            "dagtraktamenten och måltidsersättningar",
        ),
        ("matkakortti", "matkakortin", "resekort"),
        ("ulkomaan virkamatka", "ulkomaan virkamatkan", "tjänsteresa utomlands"),
        ("oman auton käyttö virkamatkalla", "oman auton käytön", "användning av egen bil på tjänsteresa"),
    ],
    "kulut": [
        ("ostolaskun käsittely", "ostolaskun käsittelyn", "hantering av inköpsfaktura"),
        ("kululaskun hyväksyminen", "kululaskun hyväksymisen", "godkännande av kostnadsräkning"),
        ("hankintakortin käyttö", "hankintakortin käytön", "användning av anskaffningskort"),
        ("menojen tiliöinti", "menojen tiliöinnin", "kontering av utgifter"),
        ("edustuskulut", "edustuskulujen", "representationskostnader"),
        ("kuittien säilyttäminen", "kuittien säilyttämisen", "förvaring av kvitton"),
    ],
    "rekrytointi": [
        ("rekrytointilupa", "rekrytointiluvan", "rekryteringstillstånd"),
        ("työpaikkailmoitus", "työpaikkailmoituksen", "platsannons"),
        ("hakijoiden haastattelu", "hakijoiden haastattelun", "intervju av sökande"),
        ("nimityspäätös", "nimityspäätöksen", "utnämningsbeslut"),
        ("koeaika", "koeajan", "prövotid"),
        (
            "uuden työntekijän ensimmäinen päivä",
            "uuden työntekijän ensimmäisen päivän",
            "den nya medarbetarens första dag",
        ),
    ],
    "kehityskeskustelut": [
        ("kehityskeskustelu", "kehityskeskustelun", "utvecklingssamtal"),
        ("osaamiskeskustelu", "osaamiskeskustelun", "kompetenssamtal"),
        ("tavoitteiden kirjaaminen", "tavoitteiden kirjaamisen", "dokumentation av mål"),
        (
            "henkilökohtainen kehittymissuunnitelma",
            "henkilökohtaisen kehittymissuunnitelman",
            "personlig utvecklingsplan",
        ),
        ("palautekeskustelu", "palautekeskustelun", "feedbacksamtal"),
    ],
    "tyokyky": [
        ("varhainen tuki", "varhaisen tuen", "tidigt stöd"),
        ("sairauspoissaolon ilmoittaminen", "sairauspoissaolon ilmoittamisen", "anmälan av sjukfrånvaro"),
        ("työhön paluu", "työhön paluun", "återgång i arbete"),
        ("työkykyneuvottelu", "työkykyneuvottelun", "förhandling om arbetsförmåga"),
        ("työterveyshuollon palvelut", "työterveyshuollon palvelujen", "företagshälsovårdens tjänster"),
    ],
    "kirjaamo": [
        ("asian vireillepano", "asian vireillepanon", "anhängiggörande av ärende"),
        ("asiakirjan rekisteröinti", "asiakirjan rekisteröinnin", "registrering av handling"),
        ("salassa pidettävä asiakirja", "salassa pidettävän asiakirjan", "sekretessbelagd handling"),
        ("arkistonmuodostussuunnitelma", "arkistonmuodostussuunnitelman", "arkivbildningsplan"),
        ("sähköinen arkistointi", "sähköisen arkistoinnin", "elektronisk arkivering"),
        ("tietopyyntöön vastaaminen", "tietopyyntöön vastaamisen", "svar på begäran om uppgifter"),
    ],
    "hankinnat": [
        ("pienhankinta", "pienhankinnan", "småupphandling"),
        ("kilpailutus", "kilpailutuksen", "konkurrensutsättning"),
        ("hankintapäätös", "hankintapäätöksen", "upphandlingsbeslut"),
        ("puitejärjestelyn käyttö", "puitejärjestelyn käytön", "användning av ramavtal"),
        ("hankintasopimus", "hankintasopimuksen", "upphandlingsavtal"),
    ],
    "kulunvalvonta": [
        ("kulkukortin tilaaminen", "kulkukortin tilaamisen", "beställning av passerkort"),
        ("kadonnut kulkukortti", "kadonneen kulkukortin", "förlorat passerkort"),
        ("vierailijan kulkuoikeus", "vierailijan kulkuoikeuden", "besökares passerrätt"),
        ("kulunvalvonnan lokitiedot", "kulunvalvonnan lokitietojen", "passerkontrollens loggar"),
        ("henkilökortin uusiminen", "henkilökortin uusimisen", "förnyelse av id-kort"),
    ],
    "valmius": [
        ("valmiussuunnitelma", "valmiussuunnitelman", "beredskapsplan"),
        ("häiriötilanteen ilmoittaminen", "häiriötilanteen ilmoittamisen", "anmälan av störning"),
        ("poikkeusolojen tehtävät", "poikkeusolojen tehtävien", "uppgifter under undantagsförhållanden"),
        ("valmiusharjoitus", "valmiusharjoituksen", "beredskapsövning"),
        ("kriisiviestintä", "kriisiviestinnän", "kriskommunikation"),
    ],
    "te-digi": [
        ("TE-Digin käyttöönotto", "TE-Digin käyttöönoton", "införande av TE-Digi"),
        ("asiakkuuden siirto TE-Digiin", "asiakkuuden siirron", "överföring av kundrelation till TE-Digi"),
        (
            "Työmarkkinatorin työpaikkailmoitus",
            "Työmarkkinatorin työpaikkailmoituksen",
            "platsannons på Jobbmarknaden",
        ),
        ("starttirahan sähköinen hakemus", "starttirahan sähköisen hakemuksen", "e-ansökan om startpeng"),
        ("käyttöoikeuksien hakeminen", "käyttöoikeuksien hakemisen", "ansökan om användarrättigheter"),
        ("TE-Digin raportit", "TE-Digin raporttien", "rapporter i TE-Digi"),
    ],
    "tietoturva": [
        (
            "tietoturvapoikkeaman ilmoittaminen",
            "tietoturvapoikkeaman ilmoittamisen",
            "anmälan av säkerhetsavvikelse",
        ),
        ("henkilötietojen käsittely", "henkilötietojen käsittelyn", "behandling av personuppgifter"),
        (
            "salasanat ja monivaiheinen tunnistautuminen",
            "salasanojen ja tunnistautumisen",
            "lösenord och flerfaktorsautentisering",
        ),
        ("etätyön tietoturva", "etätyön tietoturvan", "informationssäkerhet vid distansarbete"),
        ("tietopyyntö rekisteröidyltä", "rekisteröidyn tietopyynnön", "registrerads begäran om uppgifter"),
        ("sähköpostin suojaaminen", "sähköpostin suojaamisen", "skydd av e-post"),
    ],
}

TITLE_PATTERNS = {
    "work_instruction": [
        "{gen_cap} käsittely",
        "{nom_cap}: työohje",
        "{gen_cap} tarkistuslista",
        "{gen_cap} erityistilanteet",
    ],
    "onboarding": ["Perehdytys: {nom}", "{nom_cap} – perehdytysaineisto"],
    "administrative": ["{nom_cap}: hallinnollinen ohje", "{gen_cap} periaatteet ja vastuut"],
    "form": ["Lomake: {nom}", "{gen_cap} lomake ja täyttöohje"],
    "course": ["TE-akatemia: {gen} perusteet", "TE-akatemia: {nom} käytännössä"],
}
SWEDISH_TITLE_PATTERNS = {
    "work_instruction": "{sv_cap} – arbetsanvisning",
    "onboarding": "Introduktion: {sv}",
    "administrative": "{sv_cap}: administrativ anvisning",
    "form": "Blankett: {sv}",
    "course": "TE-akademin: {sv}",
}

LEADS = {
    "work_instruction": [
        "Näin hoidat {gen} vaihe vaiheelta niin, että asiakkaat saavat saman palvelun kaikkialla.",
        "Ohje kertoo, mitä {gen} yhteydessä tarkistetaan, kirjataan ja kenelle asia siirretään.",
        "Yhtenäinen tapa hoitaa {nom}: vastuut, määräajat ja tavallisimmat virheet.",
    ],
    "onboarding": [
        "Perehdytysaineisto uudelle työntekijälle: mitä {nom} tarkoittaa ja miten pääset alkuun.",
        "Lue tämä ensimmäisinä viikkoina. Aineisto kokoaa {gen} tärkeimmät asiat yhteen.",
    ],
    "administrative": [
        "Hallinnollinen ohje: {nom}, vastuut ja hyväksymiskäytäntö.",
        "Ohje koskee kaikkia, jotka vastaavat {gen} hoitamisesta virastossa.",
    ],
    "form": [
        "Lomake ja täyttöohje: {nom}. Täytä sähköisesti ja tallenna asiaan.",
        "Käytä tätä lomaketta, kun {nom} on ajankohtainen. Ohjeessa kerrotaan, mitä liitteitä tarvitaan.",
    ],
    "course": [
        "TE-akatemian verkkokurssi: {nom} käytännön esimerkein. Kesto noin 45 minuuttia.",
        "Kurssi sopii uusille ja kokeneille. Lopussa on tehtäviä, joilla voit tarkistaa osaamisesi.",
    ],
}

# Sentences that fit any subject ({nom}, {gen} filled in).
GENERIC = [
    "Ennen {gen} aloittamista tarkista, että asiakkaan perustiedot ovat ajan tasalla.",
    "Kirjaa {gen} vaiheet asianhallintaan samana päivänä, jotta kollegat näkevät tilanteen.",
    "Jos tilanne ei vastaa ohjetta, kysy ensin tiimisi vastuuasiantuntijalta.",
    "Määräajat lasketaan siitä päivästä, jona asia on tullut vireille.",
    "Yhtenäinen käytäntö on tärkeä: asiakkaan pitää saada sama palvelu paikkakunnasta riippumatta.",
    "Muistathan, että {nom} voi koskea myös asiakkaita, joilla on kuntakokeilun asiakkuus.",
    "Epäselvissä tapauksissa ratkaisu tehdään aina kirjallisesti ja perustellaan.",
    "Ohjetta päivitetään, kun lainsäädäntö tai järjestelmät muuttuvat; muutokset näet sivun lopusta.",
]
GENERIC_HEADINGS = [
    "Kenelle ohje on tarkoitettu",
    "Ennen kuin aloitat",
    "Näin etenet",
    "Vastuut",
    "Määräajat",
    "Erityistilanteet",
    "Kirjaaminen",
    "Lisätietoa",
]

# topic slug -> (facts, steps, warning, tip, legal reference (statute, section, url))
TOPIC_TEXT = {
    "tyonhaun-aloitus": (
        [
            "Työnhaku alkaa, kun työnhakija on tehnyt ilmoittautumisen verkkopalvelussa tai asioinut toimistossa.",
            "Työnhakijalle kerrotaan ensimmäisessä yhteydenotossa hänen oikeuksistaan ja velvollisuuksistaan.",
            "Työnhakijan tiedot tarkistetaan väestötietojärjestelmästä ennen alkuhaastattelua.",
            "Työnhaun voimassaolo edellyttää, että työnhakija on tavoitettavissa sovitulla tavalla.",
        ],
        [
            "Tarkista työnhakijan henkilötiedot",
            "Varmista yhteystiedot ja asiointikieli",
            "Kerro työnhakuvelvollisuudesta",
            "Sovi alkuhaastattelun ajankohta",
            "Kirjaa työnhaun alkamispäivä",
        ],
        "Älä merkitse työnhakua alkaneeksi ennen kuin ilmoittautuminen on vastaanotettu.",
        "Alkuhaastattelun voi pitää myös puhelimitse tai videoyhteydellä.",
        (
            "Laki julkisesta työvoima- ja yrityspalvelusta (916/2012)",
            "2 luku 1 §",
            "https://www.finlex.fi/fi/laki/ajantasa/2012/20120916",
        ),
    ),
    "haastattelut": (
        [
            "Täydentävä haastattelu pidetään viimeistään kolmen kuukauden välein työnhaun alkamisesta.",
            "Haastattelussa päivitetään työllistymissuunnitelma ja sovitaan seuraavat askeleet.",
            "Työnhakijan kanssa käydään läpi hänen hakemansa työpaikat ja mahdolliset esteet.",
            "Haastattelun tulos kirjataan asiakastietojärjestelmään heti haastattelun jälkeen.",
        ],
        [
            "Valmistaudu lukemalla edellisen haastattelun kirjaukset",
            "Käy läpi haetut työpaikat",
            "Päivitä työllistymissuunnitelma",
            "Sovi seuraava yhteydenotto",
            "Kirjaa haastattelu",
        ],
        "Haastattelua ei voi ohittaa asiakkaan pyynnöstä; siirrä se tarvittaessa uuteen aikaan.",
        "Tulkin voi tilata etukäteen, jos työnhakijan asiointikieli on muu kuin suomi tai ruotsi.",
        (
            "Laki julkisesta työvoima- ja yrityspalvelusta (916/2012)",
            "2 luku 5 §",
            "https://www.finlex.fi/fi/laki/ajantasa/2012/20120916",
        ),
    ),
    "tyonhakuvelvollisuus": (
        [
            "Työnhakijan on haettava neljää työmahdollisuutta kuukauden tarkastelujakson aikana, ellei toisin sovita.",
            "Työnhakuvelvollisuutta voidaan alentaa, jos työmarkkinatilanne tai työnhakijan tilanne sitä edellyttää.",
            "Haetut työpaikat ilmoitetaan verkkoasioinnissa tarkastelujakson päättymiseen mennessä.",
            "Laiminlyönti selvitetään kuulemalla työnhakijaa ennen lausunnon antamista.",
        ],
        [
            "Aseta työnhakuvelvollisuus työllistymissuunnitelmaan",
            "Kerro tarkastelujaksosta",
            "Seuraa ilmoitettuja työpaikkoja",
            "Selvitä puutteet kuulemalla",
            "Anna tarvittaessa lausunto",
        ],
        "Työnhakuvelvollisuuden alentaminen on perusteltava ja kirjattava suunnitelmaan.",
        "Muistuta työnhakijaa tarkastelujakson lopusta viestillä viikkoa ennen.",
        (
            "Työttömyysturvalaki (1290/2002)",
            "2 a luku 13 §",
            "https://www.finlex.fi/fi/laki/ajantasa/2002/20021290",
        ),
    ),
    "lausunnot": (
        [
            "Työvoimapoliittinen lausunto sitoo työttömyyskassaa ja Kelaa etuuden maksamisessa.",
            "Lausunto annetaan ilman aiheetonta viivytystä, kun asia on selvitetty.",
            "Ennen kielteistä lausuntoa työnhakijaa kuullaan kuulemiskirjeellä.",
            "Virheellinen lausunto korjataan oikaisulla ja siitä ilmoitetaan etuuden maksajalle.",
        ],
        [
            "Selvitä asian tosiseikat",
            "Lähetä kuulemiskirje",
            "Arvioi vastaus",
            "Kirjoita lausunto perusteluineen",
            "Lähetä lausunto etuuden maksajalle",
        ],
        "Lausunnossa ei saa mainita terveystietoja, joita etuuden maksaja ei tarvitse.",
        "Käytä valmiita perustelutekstejä, mutta tarkista aina, että ne vastaavat tapausta.",
        (
            "Työttömyysturvalaki (1290/2002)",
            "11 luku 1 §",
            "https://www.finlex.fi/fi/laki/ajantasa/2002/20021290",
        ),
    ),
    "palvelutarve": (
        [
            "Palvelutarpeen arviointi tehdään alkuhaastattelussa ja päivitetään jokaisessa haastattelussa.",
            "Arvioinnissa huomioidaan osaaminen, työkyky ja elämäntilanne.",
            "Monialaiseen palveluun ohjataan, kun työllistyminen edellyttää useamman viranomaisen palveluja.",
            "Nuoren asiakkaan palvelutarve arvioidaan kahden viikon kuluessa työnhaun alkamisesta.",
        ],
        [
            "Kartoita osaaminen",
            "Arvioi työkyky ja esteet",
            "Valitse palvelulinja",
            "Kirjaa arvio perusteluineen",
        ],
        "Älä kirjaa arvioon arkaluonteisia tietoja, jotka eivät ole palvelun kannalta tarpeellisia.",
        "Osaamiskartoituksessa kannattaa käyttää Työmarkkinatorin osaamisprofiilia.",
        (
            "Laki työllistymistä edistävästä monialaisesta yhteispalvelusta (1369/2014)",
            "3 §",
            "https://www.finlex.fi/fi/laki/ajantasa/2014/20141369",
        ),
    ),
    "palkkatuki": (
        [
            "Palkkatuen maksatushakemus tehdään jälkikäteen kahden kuukauden jaksoissa.",
            "Maksatuspäätöksen tekee KEHA-keskuksen maksatusyksikkö, ja tavoitteena on alle 30 päivän käsittelyaika.",
            "Palkkatukea ei makseta ajalta, jolta työnantaja on saanut muuta tukea samoihin palkkakustannuksiin.",
            "Takaisinperintä käynnistetään, jos palkkatukea on maksettu perusteettomasti.",
            "Työnantajan on säilytettävä palkkakirjanpito tarkastusta varten.",
        ],
        [
            "Tarkista hakemuksen liitteet",
            "Vertaa palkkakustannuksia palkkatukipäätökseen",
            "Laske tukikelpoiset kustannukset",
            "Tee maksatuspäätös",
            "Ilmoita päätöksestä työnantajalle",
        ],
        "Älä hyväksy maksatushakemusta, jos palkkatukipäätös on päättynyt tai peruttu.",
        "Sähköinen asiointi nopeuttaa palkkatuen maksamista: ohjaa työnantajat käyttämään sitä.",
        (
            "Laki julkisesta työvoima- ja yrityspalvelusta (916/2012)",
            "7 luku",
            "https://www.finlex.fi/fi/laki/ajantasa/2012/20120916",
        ),
    ),
    "matkustaminen": (
        [
            "Virkamatkalle tarvitaan esihenkilön hyväksymä matkasuunnitelma ennen matkaa.",
            "Matkalasku tehdään matkahallintajärjestelmässä kuukauden kuluessa matkan päättymisestä.",
            "Päivärahat ja ateriakorvaukset maksetaan valtion matkustusehtojen mukaan.",
            "Matkakortilla maksetaan vain virkamatkaan liittyviä kuluja.",
        ],
        [
            "Tee matkasuunnitelma",
            "Pyydä esihenkilön hyväksyntä",
            "Varaa matkat sopimustoimittajalta",
            "Liitä kuitit matkalaskuun",
            "Lähetä matkalasku hyväksyttäväksi",
        ],
        "Matkalaskua ei voi maksaa ilman kuitteja majoituksesta ja matkalipuista.",
        "Junalla matkustaminen on usein halvin ja ympäristöystävällisin vaihtoehto.",
        ("Valtion matkustusehtosopimus", "", ""),
    ),
    "kulut": (
        [
            "Ostolasku tarkastetaan ja hyväksytään kahdessa vaiheessa: asiatarkastus ja hyväksyntä.",
            "Menot tiliöidään talousarvion momentille ja kustannuspaikalle.",
            "Edustuskulujen on liityttävä viraston tehtäviin, ja osallistujat kirjataan.",
            "Kuitit säilytetään sähköisesti kirjanpitolain mukaisen ajan.",
        ],
        ["Tarkista laskun sisältö tilaukseen", "Tiliöi meno", "Lähetä hyväksyjälle", "Seuraa maksun tila"],
        "Sama henkilö ei saa sekä asiatarkastaa että hyväksyä laskua.",
        "Hankintakortin kuitit kannattaa kuvata heti ostohetkellä.",
        ("Talousarvioasetus (1243/1992)", "69 §", "https://www.finlex.fi/fi/laki/ajantasa/1992/19921243"),
    ),
    "rekrytointi": (
        [
            "Rekrytointiin tarvitaan rekrytointilupa ennen työpaikkailmoituksen julkaisua.",
            "Työpaikkailmoitus julkaistaan valtion rekrytointipalvelussa ja Työmarkkinatorilla.",
            "Hakijoita kohdellaan tasapuolisesti, ja valinta perustellaan nimityspäätöksessä.",
            "Koeajasta sovitaan työsopimuksessa tai nimityskirjassa.",
        ],
        [
            "Hae rekrytointilupa",
            "Laadi työpaikkailmoitus",
            "Haastattele hakijat",
            "Tee nimityspäätös",
            "Valmistele perehdytys",
        ],
        "Hakijoiden tietoja ei saa käsitellä rekrytoinnin ulkopuolella.",
        "Perehdytyssuunnitelma kannattaa tehdä jo ennen uuden työntekijän ensimmäistä päivää.",
        ("Valtion virkamieslaki (750/1994)", "6 §", "https://www.finlex.fi/fi/laki/ajantasa/1994/19940750"),
    ),
    "kehityskeskustelut": (
        [
            "Kehityskeskustelu käydään vähintään kerran vuodessa jokaisen työntekijän kanssa.",
            "Osaamiskeskustelussa sovitaan osaamisen kehittämisestä ja koulutuksista.",
            "Tavoitteet kirjataan henkilöstöhallinnon järjestelmään keskustelun jälkeen.",
            "Väliarvio tehdään syksyllä, jos tavoitteet tai tehtävät muuttuvat.",
        ],
        [
            "Varaa aika ja lähetä pohja etukäteen",
            "Käy läpi edelliset tavoitteet",
            "Sovi uudet tavoitteet",
            "Kirjaa kehittymissuunnitelma",
        ],
        "Kehityskeskustelussa ei sovita palkkauksesta; se käsitellään erikseen.",
        "Etäkeskustelussa kamera päällä auttaa luottamuksellisen ilmapiirin syntymistä.",
        ("Valtion virka- ja työehtosopimus", "", ""),
    ),
    "tyokyky": (
        [
            "Varhaisen tuen keskustelu käydään, kun työkyvyn heikkenemisestä on merkkejä.",
            "Sairauspoissaolosta ilmoitetaan esihenkilölle ennen työpäivän alkua.",
            "Sirius-toimintamalli tukee työhön paluuta pitkän poissaolon jälkeen.",
            "Työkykyneuvotteluun osallistuvat työntekijä, esihenkilö ja työterveyshuolto.",
        ],
        [
            "Tunnista tuen tarve",
            "Käy varhaisen tuen keskustelu",
            "Sovi työjärjestelyistä",
            "Seuraa tilannetta sovitusti",
        ],
        "Terveystietoja ei kirjata esihenkilön muistiinpanoihin.",
        "Työterveyshuollon palveluista saa tukea myös esihenkilö.",
        ("Työterveyshuoltolaki (1383/2001)", "12 §", "https://www.finlex.fi/fi/laki/ajantasa/2001/20011383"),
    ),
    "kirjaamo": (
        [
            "Asia tulee vireille, kun asiakirja saapuu virastoon, ja se rekisteröidään viipymättä.",
            "Salassa pidettävä asiakirja merkitään salassapitomerkinnällä ja sen perusteella.",
            "Arkistonmuodostussuunnitelma määrää asiakirjojen säilytysajat.",
            "Tietopyyntöön vastataan viimeistään kahden viikon kuluessa.",
        ],
        [
            "Rekisteröi asiakirja asianhallintaan",
            "Määritä julkisuus",
            "Liitä asiakirja asiaan",
            "Arkistoi asian päätyttyä",
        ],
        "Salassa pidettävää asiakirjaa ei lähetetä salaamattomalla sähköpostilla.",
        "Asiakirjan hakusanat helpottavat asian löytämistä myöhemmin.",
        (
            "Laki viranomaisten toiminnan julkisuudesta (621/1999)",
            "14 §",
            "https://www.finlex.fi/fi/laki/ajantasa/1999/19990621",
        ),
    ),
    "hankinnat": (
        [
            "Pienhankinnassa noudatetaan viraston hankintaohjetta, vaikka hankintalaki ei sovellu.",
            "Kansallisen kynnysarvon ylittävä hankinta kilpailutetaan hankintalain mukaisesti.",
            "Valtion yhteishankintayksikön puitejärjestelyjä käytetään ensisijaisesti.",
            "Hankintapäätös perustellaan ja tiedoksiannetaan tarjoajille.",
        ],
        [
            "Selvitä tarve ja arvioitu arvo",
            "Tarkista puitejärjestelyt",
            "Valmistele tarjouspyyntö",
            "Tee hankintapäätös",
            "Solmi hankintasopimus",
        ],
        "Hankintaa ei saa pilkkoa osiin kynnysarvon alittamiseksi.",
        "Hankintojen asiantuntijat auttavat tarjouspyynnön laatimisessa.",
        (
            "Laki julkisista hankinnoista ja käyttöoikeussopimuksista (1397/2016)",
            "25 §",
            "https://www.finlex.fi/fi/laki/ajantasa/2016/20161397",
        ),
    ),
    "kulunvalvonta": (
        [
            "Kulkukortti tilataan esihenkilön hyväksynnällä viimeistään viikkoa ennen työsuhteen alkua.",
            "Kadonneesta kulkukortista ilmoitetaan heti, jotta kortti voidaan sulkea.",
            "Vierailija kirjataan vastaanotossa, ja hänellä on aina isäntä mukana.",
            "Kulunvalvonnan lokitietoja käsitellään vain turvallisuussyistä.",
        ],
        [
            "Tee tilaus palvelupyynnöllä",
            "Hae kortti toimipisteen vastaanotosta",
            "Kuittaa kortin vastaanotto",
            "Palauta kortti työsuhteen päättyessä",
        ],
        "Kulkukorttia ei saa lainata toiselle, ei edes hetkeksi.",
        "Henkilökortin voi uusia samalla käynnillä kuin kulkukortin.",
        ("Tietosuojalaki (1050/2018)", "", "https://www.finlex.fi/fi/laki/ajantasa/2018/20181050"),
    ),
    "valmius": (
        [
            "Valmiussuunnitelma päivitetään vuosittain ja harjoitellaan vähintään joka toinen vuosi.",
            "Häiriötilanteesta ilmoitetaan valmiuspäällikölle viipymättä.",
            "Poikkeusoloissa kriittiset tehtävät jatkuvat varahenkilöiden voimin.",
            "Kriisiviestinnästä vastaa viestintä yhdessä johdon kanssa.",
        ],
        [
            "Tunnista häiriö",
            "Ilmoita valmiuspäällikölle",
            "Käynnistä jatkuvuussuunnitelma",
            "Viesti henkilöstölle",
            "Arvioi tilanne ja raportoi",
        ],
        "Häiriötilanteessa ei viestitä ulospäin ennen kuin johto on hyväksynyt tiedotteen.",
        "Pidä varahenkilöiden yhteystiedot ajan tasalla.",
        ("Valmiuslaki (1552/2011)", "12 §", "https://www.finlex.fi/fi/laki/ajantasa/2011/20111552"),
    ),
    "te-digi": (
        [
            "TE-Digi korvaa URA-järjestelmän, ja asiakkuudet siirretään vaiheittain.",
            "Työmarkkinatorin työpaikkailmoitukset näkyvät työnhakijoille heti julkaisun jälkeen.",
            "Starttirahan sähköinen hakemus käsitellään TE-Digissä.",
            "Käyttöoikeudet haetaan esihenkilön hyväksynnällä käyttövaltuushallinnasta.",
        ],
        [
            "Hae käyttöoikeudet",
            "Suorita TE-akatemian verkkokurssi",
            "Harjoittele testiympäristössä",
            "Siirry tuotantokäyttöön",
            "Anna palautetta tuotetukeen",
        ],
        "Älä käytä testiympäristössä oikeiden asiakkaiden tietoja.",
        "Tuotetukiryhmä vastaa kysymyksiin arkisin kello 8–16.",
        (
            "Laki julkisesta työvoima- ja yrityspalvelusta (916/2012)",
            "13 luku",
            "https://www.finlex.fi/fi/laki/ajantasa/2012/20120916",
        ),
    ),
    "tietoturva": (
        [
            "Tietoturvapoikkeamasta ilmoitetaan heti tietoturvatiimille palvelupyynnöllä tai puhelimitse.",
            "Henkilötietoja käsitellään vain siinä laajuudessa kuin tehtävä edellyttää.",
            "Monivaiheinen tunnistautuminen on pakollinen kaikissa etäyhteyksissä.",
            "Etätyössä näyttö lukitaan aina, kun työpisteeltä poistutaan.",
        ],
        [
            "Tunnista poikkeama",
            "Ilmoita tietoturvatiimille",
            "Älä poista todisteita",
            "Noudata saatuja ohjeita",
        ],
        "Älä koskaan anna salasanaasi kenellekään, edes tukihenkilölle.",
        "Epäilyttävän viestin voi välittää tietoturvatiimille tarkistettavaksi.",
        (
            "Laki julkisen hallinnon tiedonhallinnasta (906/2019)",
            "13 §",
            "https://www.finlex.fi/fi/laki/ajantasa/2019/20190906",
        ),
    ),
}

# Swedish text for the translations (about a tenth of the instructions).
SWEDISH_LEAD = "Anvisningen beskriver hur {sv} sköts enhetligt i hela landet."
SWEDISH_SENTENCES = [
    "Kontrollera kundens uppgifter innan du börjar.",
    "Dokumentera varje skede i ärendehanteringen samma dag.",
    "Fråga i första hand teamets ansvariga sakkunniga om något är oklart.",
    "Tidsfristerna räknas från den dag ärendet blev anhängigt.",
    "Kunden ska få samma service oberoende av ort.",
    "Anvisningen uppdateras när lagstiftningen eller systemen ändras.",
]
SWEDISH_HEADINGS = ["För vem", "Så här gör du", "Ansvar", "Särskilda situationer"]
SWEDISH_STEPS = ["Kontrollera uppgifterna", "Gör bedömningen", "Dokumentera beslutet", "Informera kunden"]

# Change-log notes: (note, material)
CHANGE_NOTES = [
    ("Päivitetty yhteyshenkilöt.", False),
    ("Korjattu kirjoitusvirheitä ja selkeytetty vaiheiden järjestystä.", False),
    ("Lisätty esimerkki erityistilanteesta.", False),
    ("Määräaika muuttui 14 päivästä 10 päivään.", True),
    ("Lomake uudistettu: käytä uutta versiota 1.3. alkaen.", True),
    ("Lakimuutos: päivitetty perusteluteksti vastaamaan uutta säännöstä.", True),
    ("Hyväksyjä vaihtui: hyväksynnän tekee nyt yksikön päällikkö.", True),
    ("Lisätty linkki TE-akatemian kurssiin.", False),
]

TABLES = {
    "matkustaminen": [
        ["Korvaus", "Määrä 2025"],
        ["Kokopäiväraha", "53 €"],
        ["Osapäiväraha", "24 €"],
        ["Ateriakorvaus", "13,25 €"],
        ["Kilometrikorvaus (oma auto)", "0,59 €/km"],
    ],
    "tyonhakuvelvollisuus": [
        ["Tilanne", "Haettavia työmahdollisuuksia / kk"],
        ["Perustaso", "4"],
        ["Alennettu (heikko työmarkkinatilanne)", "1–3"],
        ["Osa-aikatyö", "0–2"],
    ],
    "palkkatuki": [
        ["Maksatusjakso", "Hakemus viimeistään"],
        ["Tammi–helmikuu", "30.4."],
        ["Maalis–huhtikuu", "30.6."],
        ["Touko–kesäkuu", "31.8."],
    ],
    "kulunvalvonta": [
        ["Tilanne", "Mitä teet"],
        ["Kortti hukassa", "Soita vartiointiin heti"],
        ["Kortti rikki", "Vie vastaanottoon"],
        ["Työsuhde päättyy", "Palauta esihenkilölle"],
    ],
}

ONBOARDING_PATHS = [
    (
        "uuden-tyontekijan-perehdytys",
        "Uuden työntekijän perehdytys",
        "Introduktion för nya medarbetare",
        "Onboarding for new employees",
        "Ensimmäisten viikkojen tärkeimmät ohjeet: matkustaminen, tietoturva, kulunvalvonta ja työkyvyn tuki.",
        "De viktigaste anvisningarna för de första veckorna.",
        ["tietoturva", "kulunvalvonta", "matkustaminen", "kehityskeskustelut", "tyokyky", "kirjaamo"],
    ),
    (
        "uuden-esihenkilon-perehdytys",
        "Uuden esihenkilön perehdytys",
        "Introduktion för nya chefer",
        "Onboarding for new supervisors",
        "Esihenkilön vastuut: rekrytointi, kehityskeskustelut, varhainen tuki, kulujen hyväksyminen ja valmius.",
        "Chefens ansvar: rekrytering, utvecklingssamtal, tidigt stöd och godkännande av utgifter.",
        ["rekrytointi", "kehityskeskustelut", "tyokyky", "kulut", "valmius", "hankinnat"],
    ),
    (
        "te-digi-kayttoonotto",
        "TE-Digi käyttöönotto",
        "Införande av TE-Digi",
        "TE-Digi rollout",
        "TE-Digin ja Työmarkkinatorin käyttöönotto TE-toimistoissa ja kuntakokeiluissa.",
        "Införandet av TE-Digi och Jobbmarknaden på TE-byråerna och i kommunförsöken.",
        ["te-digi", "tyonhaun-aloitus", "haastattelut", "palvelutarve", "tyonhakuvelvollisuus"],
    ),
]

FEEDBACK_COMMENTS = [
    "Esimerkki erityistilanteesta puuttuu.",
    "Vaiheet olivat selkeät, kiitos!",
    "Linkki lomakkeeseen ei toiminut.",
    "Määräajasta on eri tieto kuin intranetin toisessa ohjeessa.",
    "Ruotsinkielinen versio puuttuu.",
]
ERROR_REPORTS = [
    "Kohdassa 3 viitataan vanhaan lomakkeeseen, jota ei enää käytetä.",
    "Yhteyshenkilö on siirtynyt toiseen yksikköön.",
    "Päivärahan määrä on vanhentunut.",
]
