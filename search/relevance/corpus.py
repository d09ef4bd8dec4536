"""The judged corpus: realistic, short instruction, news and people documents (Finnish and Swedish).

Small on purpose (the test server rescans every document per query) but with
near-misses for each query: documents that share a word without being the
answer. Keys are stable: the judgments refer to them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from search.engines.base import SearchDocument

NOW = datetime(2026, 11, 1, tzinfo=UTC)

# key, language, title, lead, body
INSTRUCTIONS = [
    (
        "i:palkkatuki-maksatus",
        "fi",
        "Palkkatuen maksatus työnantajalle",
        "Näin käsittelet palkkatuen maksatushakemuksen.",
        "Työnantaja hakee palkkatukea jälkikäteen kahden kuukauden jaksoissa. Tarkista palkkakustannukset ja "
        "maksatuspäätöksen ehdot ennen maksua.",
    ),
    (
        "i:palkkatuki-takaisinperinta",
        "fi",
        "Palkkatuen takaisinperintä",
        "Kun palkkatukea on maksettu liikaa, se peritään takaisin.",
        "Takaisinperintäpäätös tehdään, jos työnantaja ei ole noudattanut tukipäätöksen ehtoja. Kuule "
        "työnantajaa ennen päätöstä.",
    ),
    (
        "i:palkkatuki-haku",
        "fi",
        "Palkkatukihakemuksen käsittely",
        "Hakemuksen vastaanotto, täydennyspyynnöt ja päätös.",
        "Palkkatukea haetaan sähköisesti. Tarkista työnhakijan tilanne ja työsuhteen kesto.",
    ),
    (
        "i:matkalasku",
        "fi",
        "Matkalaskun tekeminen",
        "Matkakulut korvataan matkalaskulla.",
        "Tee matkalasku matkahallintajärjestelmässä kahden kuukauden kuluessa matkan päättymisestä. Liitä "
        "kuitit ja matkasuunnitelma.",
    ),
    (
        "i:paivaraha",
        "fi",
        "Päivärahat ja ateriakorvaukset",
        "Kotimaan ja ulkomaan päivärahan perusteet.",
        "Kokopäiväraha maksetaan yli kymmenen tunnin matkalta. Ateriakorvaus vähennetään, jos ateria sisältyy "
        "matkan hintaan.",
    ),
    (
        "i:matkustus",
        "fi",
        "Virkamatkan suunnittelu ja varaaminen",
        "Varaa matkat sopimustoimittajan kautta.",
        "Virkamatka hyväksytetään esihenkilöllä ennen varaamista. Junalla matkustaminen on ensisijaista.",
    ),
    (
        "i:kulkukortti",
        "fi",
        "Kulkukortin tilaaminen ja kadonnut kortti",
        "Uusi kulkukortti tilataan turvallisuuspalveluista.",
        "Ilmoita kadonneesta kortista heti palvelupisteeseen, jotta kortti suljetaan. Kortin noutaminen vaatii "
        "henkilöllisyystodistuksen.",
    ),
    (
        "i:kulunvalvonta",
        "fi",
        "Kulunvalvonta toimitiloissa",
        "Toimipisteiden ovet ja kulkuoikeudet.",
        "Kulkuoikeudet myönnetään esihenkilön pyynnöstä. Vierailijat kirjataan vastaanotossa.",
    ),
    (
        "i:tietoturva-eta",
        "fi",
        "Tietoturvaohjeet etätyöhön",
        "Turvallinen etätyö kotona ja matkoilla.",
        "Lukitse näyttö, kun poistut koneelta. Käytä aina VPN-yhteyttä ja älä tulosta asiakirjoja kotona.",
    ),
    (
        "i:tietoturvapoikkeama",
        "fi",
        "Tietoturvapoikkeamasta ilmoittaminen",
        "Epäilty tietoturvaloukkaus ilmoitetaan heti.",
        "Jos sait epäilyttävän viestin tai kone toimii oudosti, ilmoita palvelupisteeseen. Älä avaa liitteitä.",
    ),
    (
        "i:salasana",
        "fi",
        "Salasanan vaihtaminen",
        "Vaihda salasana itsepalvelussa.",
        "Salasanan on oltava vähintään 15 merkkiä. Unohtuneen salasanan voi palauttaa tunnistautumalla.",
    ),
    (
        "i:etatyo",
        "fi",
        "Etätyön periaatteet",
        "Etätyöstä sovitaan esihenkilön kanssa.",
        "Etätyöpäivät kirjataan työajanseurantaan. Etätyössä noudatetaan samoja työaikoja kuin toimistolla.",
    ),
    (
        "i:vuosiloma",
        "fi",
        "Vuosilomien suunnittelu",
        "Lomatoiveet kerätään keväällä.",
        "Kesälomakausi on 2.5.–30.9. Vuosiloma haetaan henkilöstöhallinnon järjestelmässä.",
    ),
    (
        "i:sairauspoissaolo",
        "fi",
        "Sairauspoissaolosta ilmoittaminen",
        "Ilmoita poissaolosta esihenkilölle heti.",
        "Omalla ilmoituksella voi olla poissa kolme päivää. Pidemmästä poissaolosta tarvitaan lääkärintodistus. "
        "Sairaan lapsen hoitoon voi jäädä enintään neljäksi päiväksi.",
    ),
    (
        "i:hankinnat",
        "fi",
        "Julkiset hankinnat KEHA-keskuksessa",
        "Hankintojen kynnysarvot ja menettelyt.",
        "Hankinnoissa noudatetaan hankintalakia. Pienhankinnoissa pyydetään vähintään kolme tarjousta.",
    ),
    (
        "i:hankintaohje",
        "fi",
        "Pienhankintojen ohje",
        "Alle kansallisen kynnysarvon jäävät ostot.",
        "Pienhankinta kilpailutetaan kevennetysti. Hankintapäätös kirjataan asianhallintaan.",
    ),
    (
        "i:laskujen-kasittely",
        "fi",
        "Ostolaskujen käsittely",
        "Laskujen tarkastus ja hyväksyntä.",
        "Ostolasku tarkastetaan ja hyväksytään kiertoon viiden päivän kuluessa. Virheellisestä laskusta "
        "pyydetään hyvityslasku.",
    ),
    (
        "i:perehdytys-uusi",
        "fi",
        "Uuden työntekijän perehdytys",
        "Ensimmäisen viikon tehtävälista.",
        "Perehdyttäjä nimetään ennen ensimmäistä työpäivää. Uusi työntekijä saa tunnukset, kulkukortin ja "
        "tietokoneen ensimmäisenä päivänä.",
    ),
    (
        "i:perehdytys-esihenkilo",
        "fi",
        "Esihenkilön perehdytysopas",
        "Uuden esihenkilön ensimmäiset kuukaudet.",
        "Esihenkilö vastaa tiiminsä työaikojen hyväksynnästä, kehityskeskusteluista ja poissaolojen "
        "seurannasta.",
    ),
    (
        "i:kehityskeskustelu",
        "fi",
        "Kehityskeskustelun käyminen",
        "Kerran vuodessa käytävä keskustelu.",
        "Kehityskeskustelussa sovitaan tavoitteet ja koulutustarpeet. Lomake täytetään etukäteen.",
    ),
    (
        "i:tyonhakija",
        "fi",
        "Työnhakijan haastattelu TE-palveluissa",
        "Alkuhaastattelu ja työllistymissuunnitelma.",
        "Työnhakijan kanssa laaditaan työllistymissuunnitelma kahden viikon kuluessa ilmoittautumisesta.",
    ),
    (
        "i:maksatuspaatos",
        "fi",
        "Maksatuspäätöksen laatiminen",
        "Päätöspohjat ja perustelut.",
        "Maksatuspäätöksessä mainitaan maksettava summa, maksun peruste ja muutoksenhakuohje.",
    ),
    (
        "i:eu-tuet",
        "fi",
        "EU-rahoitteisten hankkeiden maksatus",
        "Rakennerahastohankkeiden maksatushakemukset.",
        "Hankkeen tuensaaja hakee maksatusta EURA-järjestelmässä. Kustannukset tarkastetaan otantana.",
    ),
    (
        "i:tyoajanseuranta",
        "fi",
        "Työajanseuranta ja liukuma",
        "Kirjaa työaika päivittäin.",
        "Liukumasaldo saa olla enintään 40 tuntia. Ylityöt sovitaan etukäteen.",
    ),
    (
        "i:puhelin",
        "fi",
        "Työpuhelimen tilaaminen",
        "Matkapuhelin ja liittymä työkäyttöön.",
        "Puhelin tilataan palvelupisteestä esihenkilön hyväksynnällä. Vanha puhelin palautetaan.",
    ),
    (
        "i:kannettava",
        "fi",
        "Tietokoneen vaihto ja palautus",
        "Kannettavan tietokoneen elinkaari.",
        "Tietokone vaihdetaan neljän vuoden välein. Palauta vanha kone palvelupisteeseen.",
    ),
    (
        "i:asiakirjat",
        "fi",
        "Asiakirjojen arkistointi",
        "Arkistonmuodostussuunnitelman mukaan.",
        "Asiakirjat tallennetaan asianhallintajärjestelmään. Paperiasiakirjat skannataan.",
    ),
    (
        "i:kirjaamo",
        "fi",
        "Kirjaamon palvelut",
        "Saapuvien asiakirjojen kirjaus.",
        "Kirjaamo ottaa vastaan viranomaisen asiakirjat ja kirjaa ne diaariin.",
    ),
    (
        "i:tietosuoja",
        "fi",
        "Henkilötietojen käsittely ja tietosuoja",
        "Tietosuojaperiaatteet käytännössä.",
        "Käsittele henkilötietoja vain työtehtävän edellyttämässä laajuudessa. Tietosuojaloukkaus ilmoitetaan "
        "72 tunnin kuluessa.",
    ),
    (
        "i:kokoushuone",
        "fi",
        "Kokoustilan varaaminen",
        "Kokoushuoneet varataan kalenterista.",
        "Kokoustila varataan Outlookin resurssikalenterista. Etäyhteys käynnistetään huoneen laitteella.",
    ),
    (
        "i:koulutus",
        "fi",
        "Koulutuksiin ilmoittautuminen",
        "Sisäiset ja ulkoiset koulutukset.",
        "Koulutukseen ilmoittaudutaan henkilöstöjärjestelmässä. Ulkoisen koulutuksen kustannukset hyväksyy "
        "esihenkilö.",
    ),
    (
        "i:yrityksen-tuki",
        "fi",
        "Yrityksen kehittämisavustus",
        "Avustus yrityksen kehittämishankkeisiin.",
        "Kehittämisavustusta myönnetään pk-yrityksille. Avustuksen maksatusta haetaan kustannusten toteuduttua.",
    ),
    (
        "i:kuntakokeilu",
        "fi",
        "Työllisyyden kuntakokeilun asiakkaat",
        "Asiakkaan siirtyminen kuntakokeiluun.",
        "Kuntakokeilussa asiakkaan palveluista vastaa kunta. TE-toimisto siirtää asiakastiedot.",
    ),
    (
        "i:allekirjoitus",
        "fi",
        "Sähköinen allekirjoitus",
        "Päätösten allekirjoittaminen sähköisesti.",
        "Päätös allekirjoitetaan asianhallinnassa sähköisellä allekirjoituksella. Varmenne on henkilökortilla.",
    ),
    (
        "i:tyoterveys",
        "fi",
        "Työterveyshuollon palvelut",
        "Työterveyshuolto ja sairaanhoito.",
        "Työterveyshuolto kattaa yleislääkäritasoisen sairaanhoidon. Ajanvaraus verkossa.",
    ),
    # Swedish
    (
        "i:sv-reserakning",
        "sv",
        "Anvisning för reseräkningar",
        "Resekostnader ersätts med en reseräkning.",
        "Gör reseräkningen i resehanteringssystemet inom två månader efter resan. Bifoga kvitton.",
    ),
    (
        "i:sv-lonestod",
        "sv",
        "Utbetalning av lönestöd",
        "Så behandlar du arbetsgivarens ansökan om lönestöd.",
        "Lönestödet betalas i efterhand. Kontrollera lönekostnaderna innan utbetalningen.",
    ),
    (
        "i:sv-distans",
        "sv",
        "Principer för distansarbete",
        "Distansarbete avtalas med chefen.",
        "Distansdagar registreras i arbetstidsuppföljningen. Använd alltid VPN.",
    ),
    (
        "i:sv-passerkort",
        "sv",
        "Beställa passerkort",
        "Ett nytt passerkort beställs från säkerhetstjänsterna.",
        "Anmäl ett förlorat kort genast så att det spärras.",
    ),
    (
        "i:sv-semester",
        "sv",
        "Planering av semester",
        "Semesterönskemål samlas in på våren.",
        "Sommarsemesterperioden är 2.5–30.9. Semestern söks i personalsystemet.",
    ),
    (
        "i:sv-upphandling",
        "sv",
        "Offentliga upphandlingar",
        "Tröskelvärden och förfaranden.",
        "Vid upphandlingar följs upphandlingslagen. Vid småupphandlingar begärs minst tre anbud.",
    ),
    (
        "i:sv-introduktion",
        "sv",
        "Introduktion för nya anställda",
        "Checklista för den första veckan.",
        "Den nya anställda får användarnamn, passerkort och dator den första dagen.",
    ),
    (
        "i:sv-sjukfranvaro",
        "sv",
        "Anmälan av sjukfrånvaro",
        "Meddela chefen före arbetsdagens början.",
        "Sjukfrånvaro över tre dagar kräver läkarintyg. Sjukledigheten registreras i personalsystemet.",
    ),
    (
        "i:sv-lediga-jobb",
        "sv",
        "Lediga jobb och rekrytering",
        "Så publicerar du en platsannons.",
        "Lediga tjänster publiceras i rekryteringssystemet och på Jobbmarknad Finland. Ansökningstiden är minst "
        "två veckor.",
    ),
    (
        "i:sv-utvecklingssamtal",
        "sv",
        "Utvecklingssamtal",
        "Chefen och medarbetaren går igenom målen.",
        "Samtalet hålls en gång om året. Använd blanketten i personalsystemet.",
    ),
    (
        "i:sv-dataskydd",
        "sv",
        "Dataskydd och personuppgifter",
        "Så behandlar du personuppgifter.",
        "Personuppgifter får bara behandlas för det ändamål de samlats in för. "
        "Anmäl dataskyddsincidenter genast.",
    ),
    (
        "i:sv-foretagshalsovard",
        "sv",
        "Företagshälsovårdens tjänster",
        "Företagshälsovård och sjukvård.",
        "Företagshälsovården täcker sjukvård på allmänläkarnivå. Boka tid på nätet.",
    ),
    (
        "i:sv-arbetstid",
        "sv",
        "Flextid och arbetstidsuppföljning",
        "Registrera arbetstiden dagligen.",
        "Flextidssaldot får vara högst 40 timmar. Övertid avtalas i förväg med chefen.",
    ),
    (
        "i:sv-registratur",
        "sv",
        "Registratorskontorets tjänster",
        "Inkommande handlingar registreras.",
        "Registratorskontoret tar emot handlingar per e-post och post. Sekretessbelagda handlingar skickas "
        "krypterade.",
    ),
    (
        "i:sv-lonespec",
        "sv",
        "Lönespecifikation och löneutbetalning",
        "Lönen betalas den 15 varje månad.",
        "Lönespecifikationen finns i webbtjänsten.",
    ),
    # The same product in both languages: the reader's language first.
    (
        "i:teams-fi",
        "fi",
        "Teams-kokoukset",
        "Näin järjestät Teams-kokouksen.",
        "Kutsu ulkopuoliset osallistujat kalenterikutsulla.",
    ),
    (
        "i:teams-sv",
        "sv",
        "Teams-möten",
        "Så ordnar du ett Teams-möte.",
        "Bjud in externa deltagare med en kalenderinbjudan.",
    ),
]

# People (the directory's documents): names with å, ä and ö, and names one letter from common words.
PEOPLE = [
    ("p:makela", "Liisa Mäkelä", "Viestintäsuunnittelija, Vaasa", "alueellinen viestintä"),
    ("p:makinen", "Liisa Mäkinen", "Kirjaaja, Mikkeli", "kirjaamo"),
    ("p:maki", "Liisa Mäki", "Controller, Kouvola", "talous"),
    ("p:paakkonen", "Outi Pääkkönen", "Talousasiantuntija, Kuopio", "budjetointi"),
    ("p:sjoberg", "Mikael Sjöberg", "Tietoturva-asiantuntija, Vaasa", "tietoturva"),
    ("p:ohman", "Åsa Öhman", "Personalspecialist, Vasa", "rekrytering"),
    ("p:launas", "Anna Launas", "Suunnittelija, Oulu", "hankinnat"),
    ("p:lounela", "Jussi Lounela", "Tarkastaja, Seinäjoki", "maksatus"),
]

NEWS = [
    (
        "n:kulunvalvonta-uudistus",
        "fi",
        "Kulunvalvontajärjestelmä uudistuu Mikkelissä",
        "Uudet kortinlukijat otetaan käyttöön marraskuussa.",
        "Vanhat kortit toimivat siirtymäajan.",
        5,
    ),
    (
        "n:matkahallinta",
        "fi",
        "Matkahallintajärjestelmän päivitys",
        "Järjestelmä on poissa käytöstä viikonloppuna.",
        "Tee kiireelliset varaukset ennen perjantaita.",
        20,
    ),
    (
        "n:palkkatuki-muutos",
        "fi",
        "Palkkatukeen muutoksia vuoden alusta",
        "Lakimuutos yksinkertaistaa palkkatuen ehtoja.",
        "Uudet ohjeet julkaistaan ohjekirjastossa joulukuussa.",
        10,
    ),
    (
        "n:tietojenkalastelu",
        "fi",
        "Varoitus tietojenkalasteluviesteistä",
        "Liikkeellä on huijausviestejä.",
        "Älä syötä tunnuksiasi viestin linkin kautta avautuvalle sivulle.",
        2,
    ),
    (
        "n:lomat",
        "fi",
        "Lomatoiveet kesälle mennessä",
        "Muista kirjata lomatoiveesi.",
        "Esihenkilöt vahvistavat lomat toukokuussa.",
        200,
    ),
    (
        "n:hankintastrategia",
        "fi",
        "Hankintastrategia hyväksyttiin",
        "Vastuulliset hankinnat painopisteenä.",
        "Strategia koskee kaikkia yli 10 000 euron ostoja.",
        60,
    ),
    (
        "n:perehdytys-verkko",
        "fi",
        "Uusi perehdytysverkkokurssi",
        "TE-akatemian kurssi uusille työntekijöille.",
        "Kurssi korvaa vanhan perehdytysmateriaalin.",
        30,
    ),
    (
        "n:sv-lonestod",
        "sv",
        "Ändringar i lönestödet",
        "Lagändringen förenklar villkoren.",
        "Nya anvisningar publiceras i december.",
        10,
    ),
    (
        "n:etatyo-kysely",
        "fi",
        "Etätyökyselyn tulokset",
        "Kaksi kolmesta tekee etätöitä viikoittain.",
        "Monipaikkainen työ jatkuu nykyisin periaattein.",
        40,
    ),
    (
        "n:puhelinvaihde",
        "fi",
        "Puhelinvaihde vaihtuu",
        "Uusi vaihdepalvelu käyttöön maaliskuussa.",
        "Numerot säilyvät ennallaan.",
        90,
    ),
    (
        "n:sv-personalinfo",
        "sv",
        "Personalinfo om omorganiseringen",
        "Infot hålls i Teams.",
        "Infot är avsett för alla anställda vid UF-centret oavsett ort.",
        3,
    ),
    (
        "n:sv-jobbmarknad",
        "sv",
        "Jobbmarknad Finland har öppnat",
        "Den arbetssökande ser lediga jobb på ett ställe.",
        "Arbetsgivaren kan söka kompetens utifrån profiler.",
        15,
    ),
    (
        "n:lounas",
        "fi",
        "Henkilöstöravintolan lounas uudistuu",
        "Lounas tarjoillaan jatkossa kello 11–13.",
        "Kasvislounas on tarjolla joka päivä.",
        4,
    ),
]

# Near-misses: share words with the answers, answer nothing.
DISTRACTORS = [
    (
        "d:ohjelma",
        "fi",
        "Henkilöstöpäivien ohjelma",
        "Päivien ohjelma ja ilmoittautuminen.",
        "Ohjelmassa on puheenvuoroja ja työpajoja.",
    ),
    (
        "d:lasku-tietoa",
        "fi",
        "Laskutusosoitteet",
        "Verkkolaskuosoitteet ja operaattoritunnukset.",
        "Käytä aina virallista verkkolaskuosoitetta.",
    ),
    (
        "d:kortti-pankki",
        "fi",
        "Hankintakortin käyttö",
        "Virkakortti pienten ostojen maksamiseen.",
        "Hankintakortilla ei saa maksaa matkoja.",
    ),
    (
        "d:turva-fyysinen",
        "fi",
        "Turvallisuusharjoitus Vaasassa",
        "Poistumisharjoitus toimitalossa.",
        "Harjoitus kestää noin puoli tuntia.",
    ),
    (
        "d:tuki-it",
        "fi",
        "IT-tuen aukioloajat",
        "Palvelupiste palvelee arkisin.",
        "Kiireellisissä asioissa soita palvelupisteen numeroon.",
    ),
    (
        "d:matkat-sv",
        "sv",
        "Tågresor rekommenderas",
        "Tåget är det förstahandsalternativet.",
        "Flyg bara när tåget inte är möjligt.",
    ),
    (
        "d:palkka",
        "fi",
        "Palkanmaksupäivät",
        "Palkat maksetaan kuun 15. päivä.",
        "Palkkalaskelma on nähtävissä verkkopalvelussa.",
    ),
    (
        "d:kokous",
        "fi",
        "Johtoryhmän kokousmuistiot",
        "Muistiot julkaistaan viikon kuluessa.",
        "Muistioihin kirjataan päätökset.",
    ),
    (
        "d:loma-asunto",
        "fi",
        "Lomaosakkeiden haku",
        "Henkilöstön lomaosakkeet haettavana.",
        "Haku päättyy tammikuussa.",
    ),
    (
        "d:hakemus-yleinen",
        "fi",
        "Virka-avoimet hakemukset",
        "Avoimet työpaikat ja hakuohjeet.",
        "Hakemukset jätetään rekrytointijärjestelmässä.",
    ),
    (
        "d:sv-tag",
        "sv",
        "Fler tåg på banan Vasa–Seinäjoki",
        "Tågtrafiken ökar i mars.",
        "Resan tar nu en timme.",
    ),
    (
        "d:sv-trivsel",
        "sv",
        "Arbetsplatsens trivselgrupp",
        "Gruppen ordnar fester efter jobbet.",
        "Anmäl dig till gruppen per e-post.",
    ),
    ("d:sv-data", "sv", "Datorbyte under våren", "Nya datorer delas ut.", "Spara dina filer i molnet."),
]


def documents() -> list[SearchDocument]:
    docs = []
    for key, lang, title, lead, body in INSTRUCTIONS:
        docs.append(
            SearchDocument(
                key=key,
                type="instruction",
                language=lang,
                title=title,
                url=f"/ohjeet/{key}/",
                lead=lead,
                body=body,
            )
        )
    for key, lang, title, lead, body, days in NEWS:
        docs.append(
            SearchDocument(
                key=key,
                type="news",
                language=lang,
                title=title,
                url=f"/uutiset/{key}/",
                lead=lead,
                body=body,
                published_at=NOW - timedelta(days=days),
            )
        )
    for key, title, lead, body in PEOPLE:
        docs.append(
            SearchDocument(
                key=key,
                type="person",
                language="fi",
                title=title,
                url=f"/ihmiset/{key}/",
                headings=lead.split(",")[0],
                lead=lead,
                body=body,
            )
        )
    for key, lang, title, lead, body in DISTRACTORS:
        docs.append(
            SearchDocument(
                key=key,
                type="instruction",
                language=lang,
                title=title,
                url=f"/ohjeet/{key}/",
                lead=lead,
                body=body,
            )
        )
    return docs
