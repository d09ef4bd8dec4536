"""Judged queries: what people type, and the documents that must be in the top 5.

Categories: ``inflected`` (case and number forms), ``compound`` (a part of a
compound, or a compound of the answer's parts), ``gradation`` (consonant
gradation: palkkatuki/palkkatuen), ``synonym`` (one-word and multi-word),
``typo`` (one or two wrong letters), ``swedish`` (at least 20 queries: inflection,
compounds, synonyms, words as written in Swedish content), ``names`` (people typed
without å/ä/ö), ``colloquial`` (everyday words for the content's formal term),
``language`` (the same product name in both languages: the reader's first),
``precision`` (common words close to names and other words: nothing else on top).

Precision counts every key of a query's list as relevant (and ``RELEVANT``
adds keys that are acceptable without being required); anything else in the
top five is an irrelevant hit.
"""

# (category, language, query, keys that must appear in the top 5)
JUDGMENTS = [
    # inflected
    ("inflected", "fi", "matkalaskut", ["i:matkalasku"]),
    ("inflected", "fi", "päivärahat", ["i:paivaraha"]),
    ("inflected", "fi", "salasanat", ["i:salasana"]),
    ("inflected", "fi", "kehityskeskusteluun", ["i:kehityskeskustelu"]),
    ("inflected", "fi", "asiakirjojen arkistointi", ["i:asiakirjat"]),
    ("inflected", "fi", "koulutukseen ilmoittautuminen", ["i:koulutus"]),
    ("inflected", "fi", "työnhakijoiden haastattelut", ["i:tyonhakija"]),
    ("inflected", "fi", "ostolaskuja", ["i:laskujen-kasittely"]),
    ("inflected", "fi", "lomakkeet", ["i:kehityskeskustelu"]),
    ("inflected", "fi", "asiakkaiden siirto", ["i:kuntakokeilu"]),
    ("inflected", "fi", "yrityksille avustukset", ["i:yrityksen-tuki"]),
    # compound parts and compounds
    ("compound", "fi", "ohje tietoturva", ["i:tietoturva-eta"]),
    ("compound", "fi", "turvaohje", ["i:tietoturva-eta"]),
    ("compound", "fi", "poikkeama", ["i:tietoturvapoikkeama"]),
    ("compound", "fi", "etätyö", ["i:etatyo", "i:tietoturva-eta"]),
    ("compound", "fi", "hankinta", ["i:hankinnat", "i:hankintaohje"]),
    ("compound", "fi", "perehdytys", ["i:perehdytys-uusi", "i:perehdytys-esihenkilo"]),
    ("compound", "fi", "maksatus", ["i:palkkatuki-maksatus", "i:eu-tuet"]),
    ("compound", "fi", "kulkukortti", ["i:kulkukortti"]),
    ("compound", "fi", "päätös maksatus", ["i:maksatuspaatos"]),
    # consonant gradation
    ("gradation", "fi", "palkkatuki", ["i:palkkatuki-maksatus", "i:palkkatuki-takaisinperinta"]),
    ("gradation", "fi", "palkkatuen takaisinperintä", ["i:palkkatuki-takaisinperinta"]),
    ("gradation", "fi", "palkkatukea", ["i:palkkatuki-maksatus"]),
    ("gradation", "fi", "hankinnoissa", ["i:hankinnat"]),
    ("gradation", "fi", "hankintojen kynnysarvot", ["i:hankinnat"]),
    ("gradation", "fi", "kulunvalvonnan", ["i:kulunvalvonta"]),
    ("gradation", "fi", "maksatuspäätöksen", ["i:maksatuspaatos"]),
    ("gradation", "fi", "kortin kadotessa", ["i:kulkukortti"]),
    # synonyms
    ("synonym", "fi", "henkilökortti", ["i:kulkukortti"]),
    ("synonym", "fi", "kulkulupa", ["i:kulkukortti"]),
    ("synonym", "fi", "esimies perehdytys", ["i:perehdytys-esihenkilo"]),
    ("synonym", "fi", "kesäloma", ["i:vuosiloma"]),
    ("synonym", "fi", "saikku", ["i:sairauspoissaolo"]),
    ("synonym", "fi", "matkustus lasku", ["i:matkalasku"]),
    ("synonym", "fi", "töitä kotoa", ["i:etatyo"]),
    ("synonym", "fi", "kilpailutus", ["i:hankinnat", "i:hankintaohje"]),
    ("synonym", "fi", "kännykkä", ["i:puhelin"]),
    ("synonym", "fi", "läppäri", ["i:kannettava"]),
    # typos
    ("typo", "fi", "matkalsku", ["i:matkalasku"]),
    ("typo", "fi", "palkatuki", ["i:palkkatuki-maksatus"]),
    ("typo", "fi", "salsana", ["i:salasana"]),
    ("typo", "fi", "kehityskeskutelu", ["i:kehityskeskustelu"]),
    ("typo", "fi", "tietosuja", ["i:tietosuoja"]),
    ("typo", "fi", "kirjamo", ["i:kirjaamo"]),
    # Swedish
    ("swedish", "sv", "reseräkningar", ["i:sv-reserakning"]),
    ("swedish", "sv", "lönestödet", ["i:sv-lonestod"]),
    ("swedish", "sv", "distansarbete", ["i:sv-distans"]),
    ("swedish", "sv", "passerkortet", ["i:sv-passerkort"]),
    ("swedish", "sv", "semestern", ["i:sv-semester"]),
    ("swedish", "sv", "upphandling", ["i:sv-upphandling"]),
    ("swedish", "sv", "ny anställd", ["i:sv-introduktion"]),
    ("swedish", "sv", "resekostnad", ["i:sv-reserakning"]),
    ("swedish", "sv", "sjukfrånvaro", ["i:sv-sjukfranvaro"]),
    ("swedish", "sv", "sjukledig", ["i:sv-sjukfranvaro"]),
    ("swedish", "sv", "lediga jobb", ["i:sv-lediga-jobb", "n:sv-jobbmarknad"]),
    ("swedish", "sv", "anställda", ["n:sv-personalinfo", "i:sv-introduktion"]),
    ("swedish", "sv", "utvecklingssamtalet", ["i:sv-utvecklingssamtal"]),
    ("swedish", "sv", "personuppgifter", ["i:sv-dataskydd"]),
    ("swedish", "sv", "dataskyddsincident", ["i:sv-dataskydd"]),
    ("swedish", "sv", "företagshälsovård", ["i:sv-foretagshalsovard"]),
    ("swedish", "sv", "flextid", ["i:sv-arbetstid"]),
    ("swedish", "sv", "övertid", ["i:sv-arbetstid"]),
    ("swedish", "sv", "registratorskontoret", ["i:sv-registratur"]),
    ("swedish", "sv", "lönespecifikation", ["i:sv-lonespec"]),
    ("swedish", "sv", "platsannons", ["i:sv-lediga-jobb"]),
    ("swedish", "sv", "sekretessbelagda handlingar", ["i:sv-registratur"]),
    ("swedish", "sv", "läkarintyg", ["i:sv-sjukfranvaro"]),
    # people by name, typed without å/ä/ö
    ("names", "fi", "makela", ["p:makela"]),
    ("names", "fi", "liisa makela", ["p:makela"]),
    ("names", "fi", "Mäkelä", ["p:makela"]),
    ("names", "fi", "paakkonen", ["p:paakkonen"]),
    ("names", "fi", "sjoberg", ["p:sjoberg"]),
    ("names", "sv", "asa ohman", ["p:ohman"]),
    # everyday words for the formal term
    ("colloquial", "fi", "sairasloma", ["i:sairauspoissaolo"]),
    ("colloquial", "fi", "sairaslomalla", ["i:sairauspoissaolo"]),
    ("colloquial", "fi", "palkkakuitti", ["d:palkka"]),
    ("colloquial", "sv", "sjukskrivning", ["i:sv-sjukfranvaro"]),
    # the reader's language first
    ("language", "fi", "Teams", ["i:teams-fi"]),
    ("language", "sv", "Teams", ["i:teams-sv"]),
    ("language", "fi", "Teams-kokous", ["i:teams-fi"]),
    ("language", "sv", "Teams-möte", ["i:teams-sv"]),
    # common words: their own documents, not names or words one letter away
    ("precision", "fi", "lounas", ["n:lounas"]),
]

# Keys acceptable for a query besides the required ones (not counted against precision).
_PALKKATUKI = [
    "i:palkkatuki-maksatus",
    "i:palkkatuki-takaisinperinta",
    "i:palkkatuki-haku",
    "n:palkkatuki-muutos",
]
_HANKINTA = ["i:hankinnat", "i:hankintaohje", "n:hankintastrategia"]
_KORTTI = ["i:kulkukortti", "i:kulunvalvonta", "n:kulunvalvonta-uudistus", "i:sv-passerkort"]
_ETATYO = ["i:etatyo", "i:tietoturva-eta", "n:etatyo-kysely"]
RELEVANT = {
    **{text: _PALKKATUKI for text in ("palkkatuki", "palkkatukea", "palkkatuen takaisinperintä")},
    **{text: _HANKINTA for text in ("hankinta", "hankinnoissa", "hankintojen kynnysarvot", "kilpailutus")},
    **{
        text: _KORTTI
        for text in ("kulkukortti", "henkilökortti", "kulkulupa", "kulunvalvonnan", "kortin kadotessa")
    },
    **{text: _ETATYO for text in ("etätyö", "töitä kotoa")},
    "maksatus": ["i:maksatuspaatos", "i:yrityksen-tuki"],
    "päätös maksatus": ["i:palkkatuki-maksatus", "i:eu-tuet"],
    "esimies perehdytys": ["i:perehdytys-uusi", "n:perehdytys-verkko"],
    "perehdytys": ["n:perehdytys-verkko"],
    "kännykkä": ["n:puhelinvaihde"],
    "lönestödet": ["n:sv-lonestod", "i:sv-lonestod"],
    "ny anställd": ["n:sv-personalinfo"],
    "Teams": ["i:teams-fi", "i:teams-sv", "n:sv-personalinfo"],
    "Teams-kokous": ["i:teams-sv"],
    "Teams-möte": ["i:teams-fi"],
}
