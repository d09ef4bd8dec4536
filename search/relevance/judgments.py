"""Judged queries: what people type, and the documents that must be in the top 5.

Categories: ``inflected`` (case and number forms), ``compound`` (a part of a
compound, or a compound of the answer's parts), ``gradation`` (consonant
gradation: palkkatuki/palkkatuen), ``synonym`` (one-word and multi-word),
``typo`` (one or two wrong letters), ``swedish``.
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
]
