"""Facts for the demo organisation.

Agencies, units and the first ten towns come from the source documents (see
shared/domain-brief.md); the other towns, the Swedish and English names of the
units, office addresses, teams marked below and every person are invented.
No real official named in the documents appears here.
"""

# (region code, Finnish genitive, Swedish name, English name, town of the ELY/TE seat)
REGIONS = [
    ("uusimaa", "Uudenmaan", "Nyland", "Uusimaa", "helsinki"),
    ("varsinais-suomi", "Varsinais-Suomen", "Egentliga Finland", "Southwest Finland", "turku"),
    ("satakunta", "Satakunnan", "Satakunta", "Satakunta", "pori"),
    ("hame", "Hämeen", "Tavastland", "Häme", "hameenlinna"),
    ("pirkanmaa", "Pirkanmaan", "Birkaland", "Pirkanmaa", "tampere"),
    ("kaakkois-suomi", "Kaakkois-Suomen", "Sydöstra Finland", "Southeast Finland", "kouvola"),
    ("etela-savo", "Etelä-Savon", "Södra Savolax", "South Savo", "mikkeli"),
    ("pohjois-savo", "Pohjois-Savon", "Norra Savolax", "North Savo", "kuopio"),
    ("pohjois-karjala", "Pohjois-Karjalan", "Norra Karelen", "North Karelia", "joensuu"),
    ("keski-suomi", "Keski-Suomen", "Mellersta Finland", "Central Finland", "jyvaskyla"),
    ("etela-pohjanmaa", "Etelä-Pohjanmaan", "Södra Österbotten", "South Ostrobothnia", "seinajoki"),
    ("pohjanmaa", "Pohjanmaan", "Österbotten", "Ostrobothnia", "vaasa"),
    ("pohjois-pohjanmaa", "Pohjois-Pohjanmaan", "Norra Österbotten", "North Ostrobothnia", "oulu"),
    ("kainuu", "Kainuun", "Kajanaland", "Kainuu", "kajaani"),
    ("lappi", "Lapin", "Lappland", "Lapland", "rovaniemi"),
]

# Municipal employment pilots (työllisyyden kuntakokeilut) [004:246-258]; the
# pilot areas chosen here are illustrative.
MUNICIPAL_PILOTS = [
    ("kuntakokeilu-helsinki", "Helsingin työllisyyden kuntakokeilu", "Helsingfors kommunförsök med sysselsättning",
     "Helsinki municipal employment pilot", "uusimaa"),
    ("kuntakokeilu-tampere", "Tampereen seudun työllisyyden kuntakokeilu", "Tammerforsregionens kommunförsök",
     "Tampere region municipal employment pilot", "pirkanmaa"),
    ("kuntakokeilu-turku", "Turun seudun työllisyyden kuntakokeilu", "Åboregionens kommunförsök",
     "Turku region municipal employment pilot", "varsinais-suomi"),
    ("kuntakokeilu-oulu", "Oulun seudun työllisyyden kuntakokeilu", "Uleåborgsregionens kommunförsök",
     "Oulu region municipal employment pilot", "pohjois-pohjanmaa"),
    ("kuntakokeilu-vaasa", "Vaasan seudun työllisyyden kuntakokeilu", "Vasaregionens kommunförsök",
     "Vaasa region municipal employment pilot", "pohjanmaa"),
]

# (slug, Finnish [002 §3.2], Swedish [INVENTED], English [INVENTED], KEHA head count [INVENTED but for 42])
UNITS = [
    ("henkilosto-ja-lakipalvelut", "Henkilöstö- ja lakipalvelut", "Personal- och juridiska tjänster",
     "HR and Legal Services", 58),
    ("asianhallinta-ja-virastopalvelut", "Asianhallinta ja virastopalvelut", "Ärendehantering och ämbetsverkstjänster",
     "Records Management and Office Services", 48),
    ("maksatusyksikko", "Maksatusyksikkö", "Utbetalningsenheten", "Payments Unit", 145),
    ("talouspalvelut", "Talouspalvelut", "Ekonomitjänster", "Financial Services", 85),
    ("tietohallinto-ja-viestinta", "Tietohallinto ja viestintä", "Dataförvaltning och kommunikation",
     "ICT and Communications", 105),
    ("toiminnan-kehittaminen", "Toiminnan kehittäminen", "Verksamhetsutveckling", "Operations Development", 42),
    ("johdon-tukiyksikko", "Johdon tukiyksikkö", "Ledningens stödenhet", "Management Support Unit", 15),
    ("siviilipalveluskeskus", "Siviilipalveluskeskus", "Civiltjänstcentralen", "Non-military Service Centre", 22),
]
UNIT_DESCRIPTIONS = {
    "henkilosto-ja-lakipalvelut": "Henkilöstöhallinnon ja lakiasioiden palvelut ja ohjeistus ELY-keskuksille, "
    "TE-toimistoille ja KEHA-keskukselle.",
    "asianhallinta-ja-virastopalvelut": "Asianhallinta, kirjaamo ja arkistointi, toimitilat ja hankintojen tuki.",
    "maksatusyksikko": "Noin 430 000 maksatuspäätöstä vuodessa; valtakunnallinen matriisi erikoistuneita tiimejä.",
    "talouspalvelut": "Talouden palvelut: volyymityö alueittain ryhmiteltynä, muu työ valtakunnallisesti.",
    "tietohallinto-ja-viestinta": "ICT-palvelut, tietoturva ja tietosuoja sekä yhteiset viestintäpalvelut.",
    "toiminnan-kehittaminen": "Digitalisaatiohankkeet, koulutus ja osaamisen kehittäminen.",
    "johdon-tukiyksikko": "Ennakointi, sisäinen valvonta ja riskienhallinta.",
    "siviilipalveluskeskus": "Siviilipalveluslain mukaiset tehtävät.",
}

# (slug, Finnish, Swedish or "", region, weight for home locations, office name, street, postal code)
# The first ten towns are named in the documents; the rest are invented fill-ins.
LOCATIONS = [
    ("kantvik", "Kantvik", "Kantvik", "uusimaa", 2, "Kantvikin toimipiste", "Satamatie 4", "02460"),
    ("salla", "Salla", "Salla", "lappi", 1, "Sallan toimipiste", "Sallantie 18", "98900"),
    ("vaasa", "Vaasa", "Vasa", "pohjanmaa", 9, "Vaasan virastotalo", "Virastokatu 2", "65100"),
    ("lahti", "Lahti", "Lahtis", "hame", 4, "Lahden yhteinen työympäristö", "Asemakatu 10", "15100"),
    ("lappeenranta", "Lappeenranta", "Villmanstrand", "kaakkois-suomi", 3, "Lappeenrannan toimipiste",
     "Valtakatu 30", "53100"),
    ("pori", "Pori", "Björneborg", "satakunta", 4, "Porin virastotalo", "Valtakunnankatu 5", "28100"),
    ("joensuu", "Joensuu", "", "pohjois-karjala", 4, "Joensuun virastotalo", "Kauppakatu 40", "80100"),
    ("seinajoki", "Seinäjoki", "", "etela-pohjanmaa", 5, "Seinäjoen toimipiste", "Kauppakatu 17", "60100"),
    ("mikkeli", "Mikkeli", "S:t Michel", "etela-savo", 5, "Mikkelin toimipiste", "Maaherrankatu 9", "50100"),
    ("helsinki", "Helsinki", "Helsingfors", "uusimaa", 10, "Helsingin toimipiste", "Ratapihantie 9", "00520"),
    ("jyvaskyla", "Jyväskylä", "Jyväskylä", "keski-suomi", 5, "Jyväskylän toimipiste", "Cygnaeuksenkatu 1", "40100"),
    ("oulu", "Oulu", "Uleåborg", "pohjois-pohjanmaa", 5, "Oulun toimipiste", "Veteraanikatu 1", "90100"),
    ("rovaniemi", "Rovaniemi", "Rovaniemi", "lappi", 3, "Rovaniemen toimipiste", "Hallituskatu 5", "96100"),
    ("kajaani", "Kajaani", "Kajana", "kainuu", 3, "Kajaanin toimipiste", "Kauppakatu 1", "87100"),
    ("kokkola", "Kokkola", "Karleby", "pohjanmaa", 2, "Kokkolan toimipiste", "Torikatu 40", "67100"),
    ("kuopio", "Kuopio", "Kuopio", "pohjois-savo", 4, "Kuopion toimipiste", "Snellmaninkatu 12", "70100"),
    ("tampere", "Tampere", "Tammerfors", "pirkanmaa", 6, "Tampereen toimipiste", "Hatanpään valtatie 24", "33100"),
    ("turku", "Turku", "Åbo", "varsinais-suomi", 6, "Turun toimipiste", "Yliopistonkatu 34", "20100"),
    ("hameenlinna", "Hämeenlinna", "Tavastehus", "hame", 3, "Hämeenlinnan toimipiste", "Raatihuoneenkatu 1",
     "13100"),
    ("kouvola", "Kouvola", "Kouvola", "kaakkois-suomi", 2, "Kouvolan toimipiste", "Salpausselänkatu 22", "45100"),
    ("kemi", "Kemi", "Kemi", "lappi", 1, "Kemin toimipiste", "Valtakatu 26", "94100"),
    ("savonlinna", "Savonlinna", "Nyslott", "etela-savo", 1, "Savonlinnan toimipiste", "Olavinkatu 27", "57130"),
    ("raasepori", "Raasepori", "Raseborg", "uusimaa", 1, "Raaseporin toimipiste", "Raatihuoneenkatu 1", "10600"),
    ("espoo", "Espoo", "Esbo", "uusimaa", 3, "Espoon toimipiste", "Kamreerintie 3", "02770"),
    ("vantaa", "Vantaa", "Vanda", "uusimaa", 2, "Vantaan toimipiste", "Asematie 10", "01300"),
    ("porvoo", "Porvoo", "Borgå", "uusimaa", 1, "Porvoon toimipiste", "Raatihuoneenkatu 7", "06100"),
    ("kotka", "Kotka", "Kotka", "kaakkois-suomi", 1, "Kotkan toimipiste", "Kirkkokatu 2", "48100"),
    ("rauma", "Rauma", "Raumo", "satakunta", 1, "Rauman toimipiste", "Valtakatu 2", "26100"),
    ("pietarsaari", "Pietarsaari", "Jakobstad", "pohjanmaa", 1, "Pietarsaaren toimipiste", "Kauppiaankatu 1",
     "68600"),
    ("iisalmi", "Iisalmi", "Idensalmi", "pohjois-savo", 1, "Iisalmen toimipiste", "Savonkatu 11", "74100"),
    ("varkaus", "Varkaus", "Varkaus", "pohjois-savo", 1, "Varkauden toimipiste", "Ahlströminkatu 15", "78200"),
    ("kemijarvi", "Kemijärvi", "Kemijärvi", "lappi", 1, "Kemijärven toimipiste", "Vapaudenkatu 8", "98100"),
    ("ylivieska", "Ylivieska", "Ylivieska", "pohjois-pohjanmaa", 1, "Ylivieskan toimipiste", "Kauppatori 1",
     "84100"),
    ("salo", "Salo", "Salo", "varsinais-suomi", 1, "Salon toimipiste", "Vilhonkatu 2", "24100"),
]

# Job titles by unit; the first is the unit head's, the second a team lead's.
TITLES = {
    "henkilosto-ja-lakipalvelut": ["Henkilöstöjohtaja", "Tiiminvetäjä", "HR-asiantuntija", "Lakimies",
                                   "Henkilöstöasiantuntija", "Palvelussuhdeasiantuntija"],
    "asianhallinta-ja-virastopalvelut": ["Yksikön päällikkö", "Tiiminvetäjä", "Kirjaamosihteeri",
                                         "Arkistonhoitaja", "Toimitila-asiantuntija", "Hankinta-asiantuntija"],
    "maksatusyksikko": ["Maksatusjohtaja", "Maksatuspäällikkö", "Maksatusasiantuntija", "Tarkastaja",
                        "Erityisasiantuntija", "Takaisinperintäasiantuntija"],
    "talouspalvelut": ["Talousjohtaja", "Ryhmäpäällikkö", "Taloussihteeri", "Controller", "Kirjanpitäjä",
                       "Talousasiantuntija"],
    "tietohallinto-ja-viestinta": ["Tietohallintojohtaja", "Tiiminvetäjä", "Järjestelmäasiantuntija",
                                   "Viestinnän asiantuntija", "Tietoturva-asiantuntija", "Käyttötukiasiantuntija"],
    "toiminnan-kehittaminen": ["Kehitysjohtaja", "Kehittämispäällikkö", "Kehittämisasiantuntija",
                               "Kouluttaja", "Projektipäällikkö", "Palvelumuotoilija"],
    "johdon-tukiyksikko": ["Johtaja", "Johdon asiantuntija", "Riskienhallinta-asiantuntija", "Ennakointiasiantuntija",
                           "Sisäisen valvonnan asiantuntija", "Johdon assistentti"],
    "siviilipalveluskeskus": ["Johtaja", "Palveluspäällikkö", "Siviilipalvelusasiantuntija", "Koulutussuunnittelija",
                              "Palvelussihteeri", "Erityisasiantuntija"],
}

EXPERTISE = {
    "henkilosto-ja-lakipalvelut": ["rekrytointi", "palvelussuhdeasiat", "työaika", "virkamiesoikeus",
                                   "kehityskeskustelut", "työkyky", "Sirius", "hallintolaki"],
    "asianhallinta-ja-virastopalvelut": ["asianhallinta", "kirjaamo", "arkistointi", "hankinnat", "toimitilat",
                                         "kulunvalvonta", "tiedonhallintalaki"],
    "maksatusyksikko": ["palkkatuki", "EU-tuet", "takaisinperintä", "yritystuet", "starttiraha", "maksatus",
                        "tarkastukset", "Lean"],
    "talouspalvelut": ["menojen käsittely", "kirjanpito", "matkahallinto", "maksukortit", "talousraportointi",
                       "budjetointi", "Palkeet-yhteistyö"],
    "tietohallinto-ja-viestinta": ["tietoturva", "tietosuoja", "sisäinen viestintä", "Taimi", "käyttötuki",
                                   "pilvipalvelut", "Mylly", "saavutettavuus", "verkkoviestintä"],
    "toiminnan-kehittaminen": ["TE-Digi", "TE-akatemia", "perehdytys", "digitalisaatio", "palvelumuotoilu",
                               "projektinhallinta", "koulutus", "Työmarkkinatori"],
    "johdon-tukiyksikko": ["ennakointi", "riskienhallinta", "sisäinen valvonta", "strategia", "tulosohjaus"],
    "siviilipalveluskeskus": ["siviilipalvelus", "koulutus", "palvelupaikat", "siviilipalveluslaki"],
}

# Teams: (slug, name, unit slug or None, parent slug or None, description).
# Networks and steering groups are named in the documents; teams marked
# [INVENTED] in the domain brief are inventions, as are the unit sub-teams.
TEAMS = [
    ("johtoryhma", "KEHA-keskuksen johtoryhmä", "johdon-tukiyksikko", None,
     "Johtaja ja yksiköiden johtajat. Kokoontuu viikoittain verkossa."),
    ("esihenkilofoorumi", "Esihenkilöfoorumi", None, None,
     "Kaikkien esihenkilöiden yhteinen foorumi: webinaarit, esimiesklinikka ja vertaistuki."),
    ("asiakkuuspaallikkoverkosto", "Asiakkuuspäällikköverkosto", None, None,
     "Asiakasvirastojen asiakkuuksista vastaavien verkosto."),
    ("ilmastoverkosto", "Ilmastoverkosto", None, None, "KEHA-keskuksen ilmastosuunnitelman toimeenpano."),
    ("monialaisen-tyon-verkosto", "Monialaisen työn verkosto", None, None,
     "Vertaisoppimista ja tiedonvaihtoa monialaisen tuen rakenteissa."),
    ("vaasan-virastotalo-kahvihuone", "Vaasan virastotalo – kahvihuone", None, None,
     "Vaasan virastotalon yhteinen, vapaamuotoinen kanava eri virastojen työntekijöille."),
    ("maksatuksen-erikoistiimit", "Maksatuksen erikoistiimit", "maksatusyksikko", None,
     "Maksatuksen valtakunnallinen matriisi erikoistuneita tiimejä."),
    ("maksatus-palkkatukitiimi", "Maksatus – palkkatukitiimi", "maksatusyksikko", "maksatuksen-erikoistiimit",
     "Palkkatukien maksatus ja takaisinperintä."),
    ("maksatus-eu-tuet", "Maksatus – EU-tukien maksatus", "maksatusyksikko", "maksatuksen-erikoistiimit",
     "EU-rahoitteisten hankkeiden maksatus."),
    ("maksatus-yritystuet", "Maksatus – yritystuet", "maksatusyksikko", "maksatuksen-erikoistiimit",
     "Yritystukien ja starttirahan maksatus."),
    ("maksatus-takaisinperinta", "Maksatus – takaisinperintä", "maksatusyksikko", "maksatuksen-erikoistiimit",
     "Takaisinperinnät ja tarkastukset."),
    ("talouspalvelujen-aluetiimit", "Talouspalvelujen aluetiimit", "talouspalvelut", None,
     "Volyymityö ryhmiteltynä alueittain."),
    ("talous-menot-ita", "Talouspalvelut – menojen käsittely, Itä", "talouspalvelut", "talouspalvelujen-aluetiimit",
     "Itä-Suomen virastojen menojen käsittely."),
    ("talous-menot-lansi", "Talouspalvelut – menojen käsittely, Länsi", "talouspalvelut",
     "talouspalvelujen-aluetiimit", "Länsi-Suomen virastojen menojen käsittely."),
    ("talous-menot-pohjoinen", "Talouspalvelut – menojen käsittely, Pohjoinen", "talouspalvelut",
     "talouspalvelujen-aluetiimit", "Pohjois-Suomen virastojen menojen käsittely."),
    ("talous-kirjanpito", "Talouspalvelut – kirjanpito ja raportointi", "talouspalvelut", None,
     "Valtakunnallinen kirjanpito ja talousraportointi."),
    ("taimi-toimitus", "Taimi-toimitus", "tietohallinto-ja-viestinta", None,
     "Intranetin valtakunnallinen toimitus: uutiset, tiedotteet ja alueellisten toimittajien tuki."),
    ("tietoturva-ja-tietosuoja", "Tietoturva ja tietosuoja", "tietohallinto-ja-viestinta", None,
     "Tietoturva- ja tietosuojapalvelut."),
    ("kayttotuki", "Käyttäjätuki", "tietohallinto-ja-viestinta", None, "Toimi-tiketöinti ja käyttäjien tuki."),
    ("tuotetukiryhma", "Tuotetukiryhmä", "tietohallinto-ja-viestinta", None,
     "Verkkopalvelujen tuotetuki (mm. Ohjaamot.fi)."),
    ("rekrytointipalvelut", "Rekrytointipalvelut", "henkilosto-ja-lakipalvelut", None,
     "Rekrytoinnit ja perehdytyksen tuki."),
    ("lakipalvelut", "Lakipalvelut", "henkilosto-ja-lakipalvelut", None, "Hallinnon oikeudellinen tuki."),
    ("kirjaamo-ja-arkistointi", "Kirjaamo ja arkistointi", "asianhallinta-ja-virastopalvelut", None,
     "Kirjaamo- ja arkistopalvelut Kansallisarkiston määräysten mukaan."),
    ("toimitilapalvelut", "Toimitilapalvelut", "asianhallinta-ja-virastopalvelut", None,
     "Monivirastoiset toimitilahankkeet (mm. Lahti, Lappeenranta, Vaasa, Pori, Joensuu)."),
    ("digikehitysohjelman-ohjausryhma", "Digikehitysohjelman ohjausryhmä", "toiminnan-kehittaminen", None,
     "Digikehitysohjelman ohjaus."),
    ("te-digi-ohjausryhma", "TE-Digi-ohjausryhmä", "toiminnan-kehittaminen", "digikehitysohjelman-ohjausryhma",
     "TE-Digin käyttöönoton ohjaus; URA-järjestelmän korvaaminen."),
    ("te-tyoohjeet-yllapito", "TE-työohjeet ylläpito", "toiminnan-kehittaminen", None,
     "TE-työohjeiden ja perehdytysaineistojen ylläpito yhtenä kokonaisuutena."),
    ("te-akatemia", "TE-akatemia", "toiminnan-kehittaminen", None,
     "Verkkokurssit, infot ja vuorovaikutteinen valmennus."),
    ("pmo-verkosto", "PMO-verkosto", "toiminnan-kehittaminen", None, "Projektisalkun hallinnan verkosto."),
    ("sisainen-valvonta", "Sisäinen valvonta ja riskienhallinta", "johdon-tukiyksikko", None,
     "Sisäinen valvonta ja riskienhallinta."),
    ("keha2024-strategiatyo", "KEHA2024-strategiatyö", "johdon-tukiyksikko", None,
     "Arvo- ja visiotyöpajat sekä elävä strategia."),
    ("siviilipalvelus-palvelusasiat", "Siviilipalveluskeskus – palvelusasiat", "siviilipalveluskeskus", None,
     "Siviilipalvelusvelvollisten palvelusasiat."),
]

FINNISH_FIRST_NAMES_F = [
    "Anna", "Aino", "Eeva", "Elina", "Hanna", "Heidi", "Helena", "Jenni", "Johanna", "Katja", "Kaisa", "Laura",
    "Leena", "Liisa", "Maria", "Marja", "Minna", "Niina", "Noora", "Outi", "Paula", "Päivi", "Riikka", "Sanna",
    "Satu", "Suvi", "Tiina", "Tuula", "Ulla", "Venla", "Emilia", "Ilona", "Krista", "Merja", "Pirjo", "Sari",
]
FINNISH_FIRST_NAMES_M = [
    "Antti", "Ari", "Eero", "Heikki", "Ilkka", "Janne", "Jari", "Jukka", "Juha", "Kari", "Lauri", "Markku", "Matti",
    "Mika", "Mikko", "Olli", "Pekka", "Petri", "Risto", "Sami", "Seppo", "Timo", "Tuomas", "Ville", "Väinö",
    "Jussi", "Kalle", "Teemu", "Tapio", "Joonas", "Aleksi", "Esa", "Harri", "Jyrki", "Oskari",
]
FINNISH_LAST_NAMES = [
    "Virtanen", "Mäkinen", "Hämäläinen", "Laine", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen",
    "Salminen", "Heinonen", "Niemi", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
    "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Hiltunen", "Leppänen", "Kallio",
    "Miettinen", "Väisänen", "Pelkonen", "Ketola", "Räsänen", "Äijälä", "Öster", "Peltola", "Honkanen",
    "Hakala", "Laaksonen", "Manninen", "Leinonen", "Kokkonen", "Rautio", "Huttunen", "Seppälä", "Anttila",
    "Vainio", "Kärkkäinen", "Hirvonen", "Mustonen", "Pitkänen", "Kettunen", "Rissanen", "Toivonen", "Aaltonen",
    "Lindholm", "Kivelä", "Vesterinen", "Lampinen", "Sirviö", "Ylönen", "Tikkanen", "Ruotsalainen", "Väänänen",
]
SWEDISH_FIRST_NAMES_F = ["Anna", "Maria", "Kristina", "Sofia", "Emma", "Linnea", "Ebba", "Elin", "Ulrika",
                         "Camilla", "Johanna", "Malin"]
SWEDISH_FIRST_NAMES_M = ["Anders", "Erik", "Johan", "Mikael", "Henrik", "Fredrik", "Mats", "Stefan", "Niklas",
                         "Patrik", "Jonas", "Tomas"]
SWEDISH_LAST_NAMES = [
    "Lindqvist", "Holmström", "Nyström", "Sjöberg", "Lindroos", "Björklund", "Westerlund", "Forsman", "Grönroos",
    "Åström", "Öhman", "Ekholm", "Sundqvist", "Backman", "Strandberg", "Wikström", "Granholm", "Sandell",
]

# The demo logins: fictitious people, one per role. All demo people share DEMO_PASSWORD.
DEMO_PASSWORD = "Taimi-demo-2026"
DEMO_LOGINS = [
    # username, first, last, role label, agency slug, unit slug, location slug, title, team slugs
    ("paakayttaja", "Outi", "Pääkkönen", "administrator", "keha-keskus", "tietohallinto-ja-viestinta", "helsinki",
     "Pääkäyttäjä", ["kayttotuki"]),
    ("viestinta", "Sanna", "Lehtola", "communication", "keha-keskus", "tietohallinto-ja-viestinta", "mikkeli",
     "Viestinnän asiantuntija", ["taimi-toimitus"]),
    ("toimittaja", "Mikael", "Sjöberg", "regional_editor", "ely-pohjanmaa", None, "vaasa",
     "Viestintäsuunnittelija", ["vaasan-virastotalo-kahvihuone"]),
    ("ohjeet", "Pekka", "Laaksonen", "instruction_owner", "keha-keskus", "toiminnan-kehittaminen", "jyvaskyla",
     "Kehittämisasiantuntija", ["te-tyoohjeet-yllapito"]),
    ("henkilo", "Liisa", "Mäkelä", "staff", "keha-keskus", "maksatusyksikko", "seinajoki",
     "Maksatusasiantuntija", ["maksatus-palkkatukitiimi"]),
    # A reader from a municipal employment pilot: the instruction library is
    # offered to the pilots as equally as to the TE offices [004:256-258].
    ("kuntakokeilu", "Jenni", "Hakala", "municipal_pilot", "kuntakokeilu-vaasa", None, "vaasa",
     "Työllisyysasiantuntija", []),
]

TOTAL_PEOPLE = 550
# People in the client agencies (regional communication staff and the like);
# the rest work at KEHA-keskus.
CLIENT_AGENCY_PEOPLE = 30
