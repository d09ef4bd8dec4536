"""Text of the demo news (demo/news.py builds about 200 articles from it).

Every text is a pair ``(Finnish, Swedish)``; ``None`` in place of the Swedish
means that piece is never translated. Topics come from the domain brief §6
(Työmarkkinatori, URA → TE-Digi, the TE services moving to the municipalities,
KEHA2024 strategy work, Mylly 2.0, Lean in payments, ...) and from the daily
work of the agency complex; the wording, figures given as examples, dates and
events are invented for the demo. Nobody named in the source documents appears:
quotes are attributed to the fictitious demo people at load time.

Placeholders filled in by demo/news.py:

* ``{date}``, ``{date2}`` – an event date a week or two after publishing (d.m.);
* ``{agency}``/``{agency_sv}`` – the publishing regional agency (nominative),
  ``{agency_gen}`` – its Finnish genitive ("Pohjanmaan ELY-keskuksen");
* ``{town}``/``{town_sv}`` – the agency's seat ("Vaasa"/"Vasa"), ``{town_in}`` – "Vaasassa",
  ``{town_gen}`` – "Vaasan";
* ``{item}``/``{item_sv}`` – the subject of a series article (its ``subject`` pair).
"""

# --- One-off national topics -------------------------------------------------
#
# A topic is one story followed over the year: each *stage* is one article
# (in preparation → decided → follow-up). Stages share the topic's pool of
# paragraphs, heading, quote and fact box; demo/news.py picks from the pool.
#
# Keys: key, motif (hero image motif), categories, speaker (unit slug whose head
# is quoted), audience (for the targeted share), targeted (share of targeted
# stages), stages [(title, lead, extra categories)], paragraphs, headings,
# quote, fact (title, html).

TOPICS = [
    dict(
        key="tyomarkkinatori",
        motif="verkosto",
        categories=["tyollisyys"],
        speaker="toiminnan-kehittaminen",
        stages=[
            (
                (
                    "Työmarkkinatorin käyttöönotto etenee – näin valmistaudut",
                    "Införandet av Jobbmarknad Finland framskrider – så förbereder du dig",
                ),
                (
                    "Työmarkkinatori kokoaa työpaikat, osaajat ja palvelut yhteen digitaaliseen palveluun. Kokosimme, "
                    "mitä käyttöönotto tarkoittaa asiakasvirastojen ja KEHA-keskuksen työssä.",
                    "Jobbmarknad Finland samlar lediga jobb, kompetens och tjänster i en digital tjänst. Här är vad "
                    "införandet betyder för arbetet vid kundämbetsverken och UF-centret.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Työmarkkinatori avautui – uusi starttirahan sähköinen asiointi mukana",
                    "Jobbmarknad Finland har öppnat – ny e-tjänst för startpeng med",
                ),
                (
                    "Työmarkkinatori on nyt kaikkien käytössä. Samalla starttirahaa voi hakea ja sen maksatusta seurata "
                    "sähköisesti.",
                    "Jobbmarknad Finland är nu öppen för alla. Samtidigt kan startpeng sökas och utbetalningen följas "
                    "elektroniskt.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Työmarkkinatori korvaa useita erillisiä palveluja. Työnhakija näkee avoimet työpaikat, koulutukset ja "
                "palvelut samasta paikasta, ja työnantaja voi etsiä osaajia profiilien perusteella.",
                "Jobbmarknad Finland ersätter flera separata tjänster. Den arbetssökande ser lediga jobb, utbildningar "
                "och tjänster på ett ställe, och arbetsgivaren kan söka kompetens utifrån profiler.",
            ),
            (
                "KEHA-keskuksen tuotetukiryhmä vastaa virkailijoiden kysymyksiin Toimi-palvelupyynnöillä. Yleisimmät "
                "kysymykset vastauksineen kootaan Taimiin.",
                "UF-centrets produktstödsgrupp svarar på tjänstemännens frågor via serviceförfrågningar i Toimi. De "
                "vanligaste frågorna och svaren samlas i Taimi.",
            ),
            (
                "Starttirahan sähköinen asiointi vähentää paperisia liitteitä ja nopeuttaa maksatuspäätöksiä, koska "
                "hakemuksen tiedot siirtyvät suoraan maksatuksen käsittelyyn.",
                "E-tjänsten för startpeng minskar antalet pappersbilagor och gör utbetalningsbesluten snabbare, "
                "eftersom uppgifterna i ansökan överförs direkt till utbetalningen.",
            ),
            (
                "Käyttöönoton tukena on TE-akatemian verkkokurssi, jonka voi suorittaa omaan tahtiin. Kurssi kestää "
                "noin tunnin.",
                "Som stöd för införandet finns en webbkurs i TE-akademin som kan göras i egen takt. Kursen tar cirka "
                "en timme.",
            ),
        ],
        headings=[("Mitä muuttuu virkailijan työssä?", "Vad ändras i tjänstemannens arbete?")],
        quote=(
            "Tavoite on, että asiakas löytää oikean palvelun ensimmäisellä kerralla.",
            "Målet är att kunden hittar rätt tjänst på första försöket.",
        ),
        fact=(
            ("Työmarkkinatori lyhyesti", "Jobbmarknad Finland i korthet"),
            (
                "<ul><li>työpaikat, osaajat ja palvelut samassa palvelussa</li><li>starttirahan sähköinen "
                "asiointi</li><li>tuki: Toimi-palvelupyyntö, luokka Työmarkkinatori</li></ul>",
                "<ul><li>jobb, kompetens och tjänster i samma tjänst</li><li>e-tjänst för startpeng</li>"
                "<li>stöd: serviceförfrågan i Toimi, kategorin Jobbmarknad Finland</li></ul>",
            ),
        ),
    ),
    dict(
        key="te-digi",
        motif="asiakirjat",
        categories=["tietohallinto", "tyollisyys"],
        speaker="toiminnan-kehittaminen",
        audience=dict(
            teams=["te-digi-ohjausryhma", "te-tyoohjeet-yllapito"], units=["toiminnan-kehittaminen"]
        ),
        targeted=0.3,
        stages=[
            (
                (
                    "TE-Digin käyttöönoton aikataulu tarkentuu",
                    "Tidtabellen för införandet av TE-Digi preciseras",
                ),
                (
                    "TE-Digi-ohjausryhmä on hyväksynyt käyttöönoton vaiheet. URA-järjestelmää käytetään rinnalla "
                    "siirtymäkauden ajan.",
                    "Styrgruppen för TE-Digi har godkänt faserna i införandet. URA-systemet används parallellt under "
                    "övergångsperioden.",
                ),
                ["valmistelussa"],
            ),
            (
                ("URA poistuu käytöstä – TE-Digi korvaa sen", "URA tas ur bruk – TE-Digi ersätter det"),
                (
                    "Päätös on tehty: URA-asiakastietojärjestelmä suljetaan vuoden lopussa ja kaikki asiakastyö siirtyy "
                    "TE-Digiin.",
                    "Beslutet är fattat: kunddatasystemet URA stängs vid årets slut och allt kundarbete flyttar till "
                    "TE-Digi.",
                ),
                ["paatetty"],
            ),
            (
                (
                    "TE-Digin koulutukset alkavat – ilmoittaudu oman alueesi ryhmään",
                    "Utbildningarna i TE-Digi börjar – anmäl dig till gruppen för din region",
                ),
                (
                    "Koulutuksia järjestetään verkossa alueittain. Jokainen TE-Digiä käyttävä suorittaa ennen "
                    "käyttöönottoa perusosion.",
                    "Utbildningarna ordnas på webben region för region. Alla som använder TE-Digi går igenom "
                    "grunddelen före införandet.",
                ),
                ["koulutus"],
            ),
        ],
        paragraphs=[
            (
                "URA on palvellut asiakastyötä pitkään, mutta sen tekninen elinkaari on lopussa. TE-Digi rakentuu "
                "moderneille rajapinnoille, joten tiedot kulkevat Työmarkkinatorin ja maksatuksen välillä ilman "
                "käsin siirtämistä.",
                "URA har länge tjänat kundarbetet, men dess tekniska livscykel är slut. TE-Digi bygger på moderna "
                "gränssnitt, så uppgifterna flyttas mellan Jobbmarknad Finland och utbetalningen utan manuellt "
                "arbete.",
            ),
            (
                "Siirtymäkauden ajan molemmat järjestelmät ovat käytössä. Avoimet asiakkuudet siirretään TE-Digiin "
                "erissä, eikä kenenkään tarvitse kopioida tietoja käsin.",
                "Under övergångsperioden används båda systemen. Öppna kundrelationer flyttas till TE-Digi i "
                "omgångar, och ingen behöver kopiera uppgifter för hand.",
            ),
            (
                "TE-työohjeet päivitetään TE-Digin mukaisiksi samassa tahdissa. Päivitetyt ohjeet tunnistaa "
                "merkinnästä ”TE-Digi” ohjeen otsikon vieressä.",
                "TE-arbetsanvisningarna uppdateras i samma takt. De uppdaterade anvisningarna känns igen på "
                "märkningen ”TE-Digi” bredvid rubriken.",
            ),
            (
                "Käyttöönoton tuki toimii alueittain: jokaisessa TE-toimistossa on nimetty pääkäyttäjä, joka kokoaa "
                "kysymykset ja välittää ne tuotetukiryhmälle.",
                "Stödet för införandet är regionalt: varje TE-byrå har en utsedd huvudanvändare som samlar frågorna "
                "och skickar dem vidare till produktstödsgruppen.",
            ),
        ],
        headings=[("Näin siirtymä etenee", "Så framskrider övergången")],
        quote=(
            "Vanhasta järjestelmästä luopuminen on iso muutos, ja siihen varataan aikaa ja tukea.",
            "Att avveckla ett gammalt system är en stor förändring, och vi reserverar tid och stöd för den.",
        ),
        fact=(
            ("Aikataulu", "Tidtabell"),
            (
                "<ol><li>koulutukset alueittain</li><li>rinnakkaiskäyttö</li><li>URA suljetaan vuoden "
                "lopussa</li></ol>",
                "<ol><li>utbildningar region för region</li><li>parallell användning</li><li>URA stängs vid "
                "årets slut</li></ol>",
            ),
        ),
    ),
    dict(
        key="te-palvelut-kuntiin",
        motif="kartta",
        categories=["tyollisyys"],
        speaker="johdon-tukiyksikko",
        stages=[
            (
                (
                    "TE-palvelujen siirto kuntiin: KEHA-keskuksen tehtävät tarkentuvat",
                    "TE-tjänsterna flyttar till kommunerna: UF-centrets uppgifter preciseras",
                ),
                (
                    "Työvoimapalvelut siirtyivät kuntien järjestettäviksi vuoden 2025 alussa, ja noin 4 000 henkilöä "
                    "vaihtoi työnantajaa. Nyt tarkennetaan, mitkä KEHA-keskuksen tehtävät jatkuvat ja miten.",
                    "Arbetskraftstjänsterna överfördes till kommunerna i början av 2025, och cirka 4 000 personer bytte "
                    "arbetsgivare. Nu preciseras vilka av UF-centrets uppgifter som fortsätter och hur.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Päätös: maksatus ja talouspalvelut tukevat työllisyysalueita siirtymäkauden ajan",
                    "Beslut: utbetalningen och ekonomitjänsterna stöder sysselsättningsområdena under "
                    "övergångsperioden",
                ),
                (
                    "KEHA-keskus hoitaa siirtyneiden palvelujen palkkatukien maksatuksen ja osan talouspalveluista "
                    "sopimuksen mukaisesti siirtymäkauden loppuun.",
                    "UF-centret sköter utbetalningen av lönesubventioner för de överförda tjänsterna och en del av "
                    "ekonomitjänsterna enligt avtal till slutet av övergångsperioden.",
                ),
                ["paatetty", "maksatus"],
            ),
            (
                (
                    "Kysymyksiä ja vastauksia TE-palvelujen siirrosta",
                    "Frågor och svar om överföringen av TE-tjänsterna",
                ),
                (
                    "Kokosimme henkilöstön yleisimmät kysymykset siirrosta: käyttöoikeudet, asiakirjat, yhteiset "
                    "järjestelmät ja yhteyshenkilöt.",
                    "Vi har samlat personalens vanligaste frågor om överföringen: behörigheter, handlingar, gemensamma "
                    "system och kontaktpersoner.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Siirrossa työllisyysalueet vastaavat asiakaspalvelusta, ja ELY-keskukset jatkavat muun muassa "
                "yritysten kehittämispalveluissa. KEHA-keskuksen tuki jatkuu niissä tehtävissä, joista on sovittu "
                "palvelusopimuksella.",
                "Efter överföringen ansvarar sysselsättningsområdena för kundbetjäningen, och NTM-centralerna "
                "fortsätter bland annat med utvecklingstjänsterna för företag. UF-centrets stöd fortsätter i de "
                "uppgifter som avtalats i serviceavtalet.",
            ),
            (
                "Käyttöoikeudet yhteisiin järjestelmiin päivitetään keskitetysti. Jos oikeus puuttuu tai on väärä, "
                "tee Toimi-palvelupyyntö, äläkä jaa tunnuksia kollegan kanssa.",
                "Behörigheterna till de gemensamma systemen uppdateras centralt. Om en behörighet saknas eller är "
                "fel, gör en serviceförfrågan i Toimi och dela inte användarnamn med en kollega.",
            ),
            (
                "Asiakirjat, joiden käsittely on kesken, siirretään asianhallinnassa työllisyysalueille. Kirjaamo "
                "neuvoo, jos asiakirjan omistaja on epäselvä.",
                "Handlingar vars behandling pågår överförs i ärendehanteringen till sysselsättningsområdena. "
                "Registratorskontoret ger råd om det är oklart vem som äger en handling.",
            ),
            (
                "Yhteinen valtakunnallinen viestintä ei tarkoita alueellisten erityispiirteiden unohtamista: "
                "alueelliset toimittajat voivat lisätä tähän uutiseen oman alueensa tiedot.",
                "En gemensam riksomfattande kommunikation betyder inte att regionala särdrag glöms bort: de "
                "regionala redaktörerna kan komplettera den här nyheten med uppgifter om sin region.",
            ),
        ],
        headings=[("Mikä muuttuu ja mikä pysyy?", "Vad ändras och vad består?")],
        quote=(
            "Siirto on suurin rakennemuutos sitten KEHA-keskuksen perustamisen. Hoidamme sen yhdessä ja "
            "hyvin.",
            "Överföringen är den största strukturförändringen sedan UF-centret grundades. Vi sköter den "
            "tillsammans och väl.",
        ),
        fact=(
            ("Lukuina", "I siffror"),
            (
                "<ul><li>noin 4 000 henkilöä siirtyi kuntien palvelukseen</li><li>työllisyysalueet aloittivat "
                "vuoden 2025 alussa</li></ul>",
                "<ul><li>cirka 4 000 personer övergick i kommunernas tjänst</li><li>sysselsättningsområdena "
                "inledde sin verksamhet i början av 2025</li></ul>",
            ),
        ),
    ),
    dict(
        key="keha2024",
        motif="taimi",
        categories=["henkilosto"],
        speaker="johdon-tukiyksikko",
        stages=[
            (
                (
                    "Tule mukaan KEHA2024-strategiatyöhön: arvo- ja visiotyöpajat alkavat",
                    "Var med i strategiarbetet KEHA2024: workshoppar om värderingar och vision börjar",
                ),
                (
                    "Strategiaa ei kirjoiteta johtoryhmän pöydän ääressä. Arvo- ja visiotyöpajoihin voi osallistua "
                    "verkossa miltä paikkakunnalta tahansa.",
                    "Strategin skrivs inte vid ledningsgruppens bord. I workshopparna om värderingar och vision kan man "
                    "delta på webben från vilken ort som helst.",
                ),
                ["valmistelussa", "tapahtumat"],
            ),
            (
                (
                    "Työpajojen tulokset: ehdotus arvoiksi ja visioksi valmis kommentoitavaksi",
                    "Resultaten från workshopparna: förslaget till värderingar och vision kan kommenteras",
                ),
                (
                    "Työpajoihin osallistui yli 300 henkilöä. Ehdotusta voi kommentoida Taimissa kahden viikon ajan.",
                    "Över 300 personer deltog i workshopparna. Förslaget kan kommenteras i Taimi under två veckor.",
                ),
                ["valmistelussa"],
            ),
            (
                ("Johtoryhmä hyväksyi KEHA2024-strategian", "Ledningsgruppen godkände strategin KEHA2024"),
                (
                    "Strategia ohjaa toimintaamme seuraavat vuodet. Se on kirjoitettu lyhyeksi, ja sitä päivitetään "
                    "vuosittain elävänä strategiana.",
                    "Strategin styr vår verksamhet de kommande åren. Den är kort och uppdateras årligen som en levande "
                    "strategi.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Työpajoissa pohdittiin, mikä tekee KEHA-keskuksesta hyvän kumppanin asiakasvirastoille ja hyvän "
                "työpaikan meille itsellemme. Esiin nousivat asiakaslähtöisyys, luotettavuus ja yhdessä tekeminen.",
                "I workshopparna funderade vi på vad som gör UF-centret till en god partner för kundämbetsverken och "
                "en bra arbetsplats för oss själva. Kundorientering, tillförlitlighet och samarbete lyftes fram.",
            ),
            (
                "Monipaikkaisuus näkyi myös strategiatyössä: työpajat pidettiin verkossa, ja osallistujat jaettiin "
                "ryhmiin niin, että samassa ryhmässä oli ihmisiä eri yksiköistä ja paikkakunnilta.",
                "Flerplatsarbetet syntes också i strategiarbetet: workshopparna hölls på webben och deltagarna "
                "delades in i grupper med personer från olika enheter och orter.",
            ),
            (
                "Strategia viedään käytäntöön yksiköiden tulostavoitteiden kautta. Jokainen tiimi keskustelee "
                "syksyn aikana, mitä strategia tarkoittaa sen omassa työssä.",
                "Strategin förverkligas genom enheternas resultatmål. Varje team diskuterar under hösten vad "
                "strategin betyder i det egna arbetet.",
            ),
            (
                "Strategiasta on tehty myös selkokielinen tiivistelmä, joka löytyy Taimin Tietoa KEHA-keskuksesta "
                "-sivulta.",
                "Det finns också en lättläst sammanfattning av strategin på sidan Om UF-centret i Taimi.",
            ),
        ],
        headings=[("Mitä työpajoissa sanottiin?", "Vad sades i workshopparna?")],
        quote=(
            "Hyvä strategia tunnistetaan siitä, että jokainen näkee siinä oman työnsä.",
            "En bra strategi känns igen på att var och en ser sitt eget arbete i den.",
        ),
        fact=(
            ("KEHA2024 lyhyesti", "KEHA2024 i korthet"),
            (
                "<ul><li>arvot: asiakaslähtöisyys, luotettavuus, yhdessä tekeminen</li><li>elävä strategia, "
                "päivitetään vuosittain</li></ul>",
                "<ul><li>värderingar: kundorientering, tillförlitlighet, samarbete</li><li>levande strategi som "
                "uppdateras årligen</li></ul>",
            ),
        ),
    ),
    dict(
        key="mylly",
        motif="pylvaat",
        categories=["tietohallinto"],
        speaker="tietohallinto-ja-viestinta",
        stages=[
            (
                ("Mylly 2.0 -hanke käynnistyi", "Projektet Mylly 2.0 har startat"),
                (
                    "Mylly-tietoalustan uudistus tuo raportit lähemmäs arkea: tavoitteena on, että tulostiedot ovat "
                    "saatavilla päivittäin ilman erillisiä poimintoja.",
                    "Förnyelsen av dataplattformen Mylly för rapporterna närmare vardagen: målet är att "
                    "resultatuppgifterna ska finnas tillgängliga dagligen utan separata uttag.",
                ),
                ["valmistelussa"],
            ),
            (
                ("Myllyn uusi raportointinäkymä käyttöön", "Myllys nya rapportvy tas i bruk"),
                (
                    "Maksatuksen ja talouspalvelujen tärkeimmät tunnusluvut näkyvät nyt yhdessä näkymässä. Vanhat "
                    "raportit ovat käytössä rinnalla vuoden loppuun.",
                    "De viktigaste nyckeltalen för utbetalningen och ekonomitjänsterna syns nu i en och samma vy. De "
                    "gamla rapporterna finns kvar parallellt till årets slut.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Mylly kokoaa tiedot maksatuksen, talouspalvelujen ja asiakasvirastojen järjestelmistä. Uudistuksessa "
                "tiedot päivittyvät öisin, ja raportit avautuvat selaimessa ilman erillistä asennusta.",
                "Mylly samlar uppgifter från utbetalningens, ekonomitjänsternas och kundämbetsverkens system. Efter "
                "förnyelsen uppdateras uppgifterna nattetid och rapporterna öppnas i webbläsaren utan installation.",
            ),
            (
                "Käyttöoikeudet määräytyvät tehtävän mukaan. Henkilötietoja sisältävät raportit näkyvät vain niille, "
                "jotka tarvitsevat niitä työssään.",
                "Behörigheterna bestäms enligt uppgift. Rapporter med personuppgifter syns bara för dem som behöver "
                "dem i sitt arbete.",
            ),
            (
                "Hankkeen etenemistä voi seurata PMO-verkoston projektisalkusta. Palautetta otetaan vastaan koko "
                "hankkeen ajan.",
                "Projektets framsteg kan följas i PMO-nätverkets projektportfölj. Respons tas emot under hela "
                "projektet.",
            ),
        ],
        headings=[("Mitä Mylly 2.0 tuo mukanaan?", "Vad för Mylly 2.0 med sig?")],
        quote=(
            "Kun luvut ovat ajantasaisia, johtaminen perustuu tietoon eikä arvauksiin.",
            "När siffrorna är aktuella grundar sig ledningen på kunskap och inte på gissningar.",
        ),
        fact=(
            ("Mylly 2.0", "Mylly 2.0"),
            (
                "<ul><li>päivittäin päivittyvät tunnusluvut</li><li>selainpohjaiset raportit</li><li>oikeudet "
                "tehtävän mukaan</li></ul>",
                "<ul><li>nyckeltal som uppdateras dagligen</li><li>rapporter i webbläsaren</li><li>behörigheter "
                "enligt uppgift</li></ul>",
            ),
        ),
    ),
    dict(
        key="asiakaspalaute",
        motif="puhekuplat",
        categories=["tyollisyys"],
        speaker="toiminnan-kehittaminen",
        stages=[
            (
                ("Uusi asiakaspalautejärjestelmä otetaan käyttöön", "Ett nytt kundresponssystem tas i bruk"),
                (
                    "Asiakaspalaute kerätään jatkossa yhdellä järjestelmällä kaikista asiakasvirastojen palveluista. "
                    "Vanhat lomakkeet poistuvat vaiheittain.",
                    "Kundresponsen samlas i fortsättningen in med ett enda system från alla kundämbetsverkens tjänster. "
                    "De gamla blanketterna försvinner stegvis.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Asiakaspalautejärjestelmä käytössä – ensimmäiset tulokset",
                    "Kundresponssystemet i bruk – de första resultaten",
                ),
                (
                    "Ensimmäisen neljänneksen aikana palautetta tuli yli 12 000 kertaa. Kiitosta saivat erityisesti "
                    "nopeat vastaukset.",
                    "Under det första kvartalet gavs respons över 12 000 gånger. Särskilt de snabba svaren fick "
                    "beröm.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Palautteet ohjautuvat automaattisesti sille virastolle ja yksikölle, jota ne koskevat. Vastaus "
                "annetaan asiakkaalle viiden työpäivän kuluessa.",
                "Responsen skickas automatiskt till det ämbetsverk och den enhet som den gäller. Kunden får svar "
                "inom fem arbetsdagar.",
            ),
            (
                "Palautteista tehdään koosteet Myllyyn, jolloin kehittämiskohteet näkyvät alueittain ja "
                "palveluittain.",
                "Av responsen görs sammanställningar i Mylly, så att utvecklingsbehoven syns per region och "
                "tjänst.",
            ),
            (
                "Järjestelmän käyttöön on lyhyt perehdytysvideo TE-akatemiassa.",
                "Det finns en kort introduktionsvideo om systemet i TE-akademin.",
            ),
        ],
        headings=[("Mihin palaute menee?", "Vart går responsen?")],
        quote=(
            "Jokainen palaute on mahdollisuus tehdä palvelusta parempi.",
            "Varje respons är en möjlighet att göra tjänsten bättre.",
        ),
    ),
    dict(
        key="palkkatuki-sahkoinen",
        motif="kolikot",
        categories=["maksatus", "tyollisyys"],
        speaker="maksatusyksikko",
        audience=dict(units=["maksatusyksikko"], teams=["maksatus-palkkatukitiimi"]),
        targeted=0.34,
        stages=[
            (
                (
                    "Palkkatuen maksatushakemukset siirtyvät sähköiseen asiointiin",
                    "Ansökningarna om utbetalning av lönesubvention flyttar till e-tjänsten",
                ),
                (
                    "Työnantajat hakevat palkkatuen maksatusta jatkossa sähköisesti. Muutos vähentää puutteellisia "
                    "hakemuksia ja lisäselvityspyyntöjä.",
                    "Arbetsgivarna ansöker i fortsättningen om utbetalning av lönesubvention elektroniskt. Ändringen "
                    "minskar antalet bristfälliga ansökningar och begäranden om tilläggsutredning.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Palkkatuen sähköinen asiointi avautui työnantajille",
                    "E-tjänsten för lönesubvention har öppnat för arbetsgivare",
                ),
                (
                    "Ensimmäisellä viikolla sähköisiä maksatushakemuksia tuli yli 2 000. Paperihakemuksia käsitellään "
                    "siirtymäajan loppuun.",
                    "Under den första veckan kom över 2 000 elektroniska ansökningar om utbetalning. "
                    "Pappersansökningar behandlas till slutet av övergångstiden.",
                ),
                ["paatetty"],
            ),
            (
                (
                    "Palkkatuki: lisäselvityspyyntöjen määrä puolittui",
                    "Lönesubvention: antalet begäranden om tilläggsutredning halverades",
                ),
                (
                    "Sähköisen asioinnin pakolliset kentät ja liitteiden tarkistus ovat vähentäneet puutteellisia "
                    "hakemuksia selvästi.",
                    "De obligatoriska fälten och kontrollen av bilagor i e-tjänsten har klart minskat antalet "
                    "bristfälliga ansökningar.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Palkkatukitiimi käsittelee vuosittain kymmeniätuhansia maksatushakemuksia. Kun palkkatiedot tulevat "
                "suoraan tulorekisteristä, tarkastus keskittyy poikkeamiin.",
                "Lönesubventionsteamet behandlar årligen tiotusentals ansökningar om utbetalning. När löneuppgifterna "
                "kommer direkt från inkomstregistret kan granskningen inriktas på avvikelser.",
            ),
            (
                "Maksatuspäätös lähtee työnantajalle sähköisesti, ja päätöksen tila näkyy asioinnissa koko "
                "käsittelyn ajan. Puhelinkyselyjen odotetaan vähenevän.",
                "Utbetalningsbeslutet skickas elektroniskt till arbetsgivaren, och beslutets status syns i e-tjänsten "
                "under hela behandlingen. Antalet telefonsamtal väntas minska.",
            ),
            (
                "Takaisinperintää koskevat asiat käsitellään edelleen omana prosessinaan takaisinperintätiimissä.",
                "Ärenden som gäller återkrav behandlas fortfarande som en egen process i återkravsteamet.",
            ),
            (
                "Työnantajille suunnattu ohje on julkaistu asiointipalvelussa suomeksi, ruotsiksi ja englanniksi.",
                "Anvisningen för arbetsgivare har publicerats i e-tjänsten på finska, svenska och engelska.",
            ),
        ],
        headings=[("Mitä muuttuu maksatuksessa?", "Vad ändras i utbetalningen?")],
        quote=(
            "Kun hakemus on kerralla kunnossa, työnantaja saa rahansa nopeammin ja me voimme keskittyä "
            "vaativiin tapauksiin.",
            "När ansökan är i skick från början får arbetsgivaren sina pengar snabbare och vi kan koncentrera "
            "oss på de krävande fallen.",
        ),
        fact=(
            ("Palkkatuen maksatus", "Utbetalning av lönesubvention"),
            (
                "<ul><li>haku sähköisesti</li><li>palkkatiedot tulorekisteristä</li><li>tavoitteena käsittely "
                "alle 30 päivässä</li></ul>",
                "<ul><li>ansökan elektroniskt</li><li>löneuppgifter ur inkomstregistret</li><li>målet är en "
                "handläggningstid under 30 dagar</li></ul>",
            ),
        ),
    ),
    dict(
        key="lean",
        motif="pylvaat",
        categories=["maksatus"],
        speaker="maksatusyksikko",
        audience=dict(units=["maksatusyksikko"]),
        targeted=0.6,
        stages=[
            (
                ("Lean-toimintamalli otetaan käyttöön maksatuksessa", "Lean-modellen införs i utbetalningen"),
                (
                    "Maksatusyksikkö ottaa käyttöön Lean-mallin: työ jaetaan valtakunnallisiin jonoihin ja tiimit "
                    "pitävät lyhyet päivittäiset palaverit.",
                    "Utbetalningsenheten inför Lean-modellen: arbetet fördelas i riksomfattande köer och teamen håller "
                    "korta dagliga möten.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Lean-kokeilun tulokset: läpimenoajat lyhenivät",
                    "Resultaten av Lean-försöket: genomloppstiderna blev kortare",
                ),
                (
                    "Kokeilutiimeissä maksatuspäätösten läpimenoaika lyheni keskimäärin viidellä päivällä. Malli "
                    "laajenee kaikkiin maksatuksen tiimeihin.",
                    "I försöksteamen blev genomloppstiden för utbetalningsbesluten i genomsnitt fem dagar kortare. "
                    "Modellen utvidgas till alla team inom utbetalningen.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Valtakunnalliset työjonot tasaavat kuormaa: kun yhdellä alueella on ruuhkaa, toisen alueen "
                "asiantuntijat voivat ottaa hakemuksia käsiteltäväksi.",
                "De riksomfattande arbetsköerna jämnar ut belastningen: när det är rusning i en region kan "
                "sakkunniga i en annan region ta ansökningar till behandling.",
            ),
            (
                "Päivittäinen palaveri kestää vartin. Siinä käydään läpi edellisen päivän tilanne, esteet ja "
                "tämän päivän painopisteet.",
                "Det dagliga mötet tar en kvart. Där går man igenom gårdagens läge, hindren och dagens "
                "prioriteringar.",
            ),
            (
                "Kehitysideat kirjataan yhteiselle taululle, ja tiimi päättää itse, mitä kokeillaan seuraavaksi.",
                "Utvecklingsidéerna skrivs upp på en gemensam tavla, och teamet bestämmer själv vad som prövas "
                "härnäst.",
            ),
        ],
        headings=[("Miten Lean näkyy arjessa?", "Hur syns Lean i vardagen?")],
        quote=(
            "Lean ei tarkoita kiirettä vaan sitä, että turhat vaiheet jäävät pois.",
            "Lean betyder inte brådska utan att onödiga steg försvinner.",
        ),
    ),
    dict(
        key="vastuullisuus",
        motif="maisema",
        categories=[],
        speaker="johdon-tukiyksikko",
        stages=[
            (
                (
                    "Vastuullisuusraportti valmisteilla – kerro oma esimerkkisi",
                    "Ansvarsrapporten förbereds – berätta om ditt eget exempel",
                ),
                (
                    "Ensimmäiseen vastuullisuusraporttiin kootaan esimerkkejä siitä, miten vastuullisuus näkyy "
                    "työssämme. Lähetä oma esimerkkisi toimitukselle.",
                    "I den första ansvarsrapporten samlas exempel på hur ansvarsfullhet syns i vårt arbete. Skicka ditt "
                    "eget exempel till redaktionen.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "KEHA-keskuksen ensimmäinen vastuullisuusraportti julkaistu",
                    "UF-centrets första ansvarsrapport har publicerats",
                ),
                (
                    "Raportti kertoo, miten hoidamme ympäristö-, henkilöstö- ja taloustavoitteemme. Se on luettavissa "
                    "saavutettavana verkkojulkaisuna.",
                    "Rapporten berättar hur vi sköter våra miljö-, personal- och ekonomimål. Den finns som en "
                    "tillgänglig webbpublikation.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Raportin painopisteet ovat ilmastovaikutukset, yhdenvertaisuus ja julkisten varojen huolellinen "
                "käyttö.",
                "Rapportens tyngdpunkter är klimatpåverkan, likabehandling och omsorgsfull användning av offentliga "
                "medel.",
            ),
            (
                "Esimerkkejä saatiin kaikista yksiköistä: paperittomasta maksatuksesta etäkokousten "
                "matkasäästöihin.",
                "Exempel kom från alla enheter: från pappersfri utbetalning till resebesparingar tack vare "
                "distansmöten.",
            ),
            (
                "Raporttia laadittaessa hyödynnettiin Myllyn tunnuslukuja, joten tulokset ovat vertailukelpoisia "
                "tulevina vuosina.",
                "Vid rapporteringen användes nyckeltal från Mylly, så resultaten är jämförbara under kommande år.",
            ),
        ],
        headings=[("Raportin painopisteet", "Rapportens tyngdpunkter")],
        quote=(
            "Vastuullisuus on tekoja, ja niitä tehdään joka päivä kaikissa yksiköissä.",
            "Ansvarsfullhet är handlingar, och de görs varje dag i alla enheter.",
        ),
    ),
    dict(
        key="ilmasto",
        motif="maisema",
        categories=[],
        speaker="johdon-tukiyksikko",
        audience=dict(teams=["ilmastoverkosto"]),
        targeted=0.3,
        stages=[
            (
                ("KEHA-keskukselle laaditaan ilmastosuunnitelma", "En klimatplan utarbetas för UF-centret"),
                (
                    "Ilmastoverkosto valmistelee suunnitelman, jossa asetetaan tavoitteet matkustamiselle, "
                    "toimitiloille ja hankinnoille.",
                    "Klimatnätverket förbereder en plan med mål för resor, lokaler och upphandlingar.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Ilmastosuunnitelma hyväksytty: päästöt puoleen",
                    "Klimatplanen godkänd: utsläppen ska halveras",
                ),
                (
                    "Johtoryhmä hyväksyi ilmastosuunnitelman. Suurin vaikutus syntyy matkustamisesta ja toimitilojen "
                    "energiankulutuksesta.",
                    "Ledningsgruppen godkände klimatplanen. Den största effekten uppnås genom resandet och lokalernas "
                    "energiförbrukning.",
                ),
                ["paatetty"],
            ),
            (
                ("Ilmastoverkosto hakee uusia jäseniä", "Klimatnätverket söker nya medlemmar"),
                (
                    "Kiinnostaako ilmastotyö? Ilmastoverkostoon ovat tervetulleita kaikki, yksiköstä ja paikkakunnasta "
                    "riippumatta.",
                    "Intresserad av klimatarbete? Alla är välkomna i klimatnätverket, oavsett enhet och ort.",
                ),
                ["tapahtumat"],
            ),
        ],
        paragraphs=[
            (
                "Monipaikkainen työ on jo vähentänyt matkustamista selvästi. Suunnitelman mukaan kokoukset "
                "pidetään ensisijaisesti verkossa, ja matkat tehdään junalla aina kun mahdollista.",
                "Flerplatsarbetet har redan minskat resandet klart. Enligt planen hålls mötena i första hand på "
                "webben, och resor görs med tåg alltid när det är möjligt.",
            ),
            (
                "Toimitilahankkeissa suositaan yhteisiä tiloja muiden virastojen kanssa. Pienempi pinta-ala "
                "tarkoittaa pienempää energiankulutusta.",
                "I lokalprojekten gynnas gemensamma lokaler med andra ämbetsverk. En mindre yta betyder lägre "
                "energiförbrukning.",
            ),
            (
                "Hankinnoissa ympäristökriteerit otetaan mukaan aina, kun ne sopivat hankinnan kohteeseen.",
                "Vid upphandlingar tas miljökriterier med alltid när de passar för det som upphandlas.",
            ),
        ],
        headings=[("Suurimmat vaikutukset", "De största effekterna")],
        quote=(
            "Jokainen junalla tehty matka ja jokainen turha tuloste jäämättä tekee eron.",
            "Varje resa med tåg och varje utskrift som blir ogjord gör skillnad.",
        ),
        fact=(
            ("Ilmastosuunnitelma", "Klimatplanen"),
            (
                "<ul><li>matkustus: etäkokous ensin, juna ennen lentoa</li><li>toimitilat: yhteiset tilat</li>"
                "<li>hankinnat: ympäristökriteerit</li></ul>",
                "<ul><li>resor: distansmöte först, tåg före flyg</li><li>lokaler: gemensamma lokaler</li>"
                "<li>upphandlingar: miljökriterier</li></ul>",
            ),
        ),
    ),
    dict(
        key="yhteiset-tilat",
        motif="rakennus",
        categories=["tilat"],
        speaker="asianhallinta-ja-virastopalvelut",
        audience=dict(locations=["lahti", "lappeenranta"]),
        targeted=0.67,
        stages=[
            (
                (
                    "Yhteiset toimitilat Lahdessa ja Lappeenrannassa – muutto lähestyy",
                    "Gemensamma lokaler i Lahtis och Villmanstrand – flytten närmar sig",
                ),
                (
                    "Lahden ja Lappeenrannan virastot muuttavat yhteiseen työympäristöön, jossa on myös yhteinen "
                    "asiakaspalvelu. Muuttoa valmistellaan yhdessä henkilöstön kanssa.",
                    "Ämbetsverken i Lahtis och Villmanstrand flyttar till en gemensam arbetsmiljö med gemensam "
                    "kundtjänst. Flytten förbereds tillsammans med personalen.",
                ),
                ["valmistelussa"],
            ),
            (
                ("Lahden yhteinen työympäristö avattiin", "Den gemensamma arbetsmiljön i Lahtis har öppnats"),
                (
                    "Ensimmäiset työntekijät ovat muuttaneet Lahden uuteen työympäristöön. Työpisteet varataan "
                    "päiväkohtaisesti varausjärjestelmästä.",
                    "De första medarbetarna har flyttat in i den nya arbetsmiljön i Lahtis. Arbetsplatserna bokas "
                    "dag för dag i bokningssystemet.",
                ),
                ["paatetty"],
            ),
            (
                (
                    "Lappeenrannan yhteinen asiakaspalvelu avautuu",
                    "Den gemensamma kundtjänsten i Villmanstrand öppnar",
                ),
                (
                    "Asiakkaat palvellaan jatkossa yhdessä pisteessä. Henkilöstön kulkuoikeudet päivitetään ennen "
                    "avajaisia.",
                    "Kunderna betjänas i fortsättningen på ett ställe. Personalens passerrättigheter uppdateras före "
                    "öppningen.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Yhteisissä tiloissa on hiljaisia työpisteitä, neuvotteluhuoneita verkkokokouksiin ja avoimia "
                "tiloja yhteistyölle. Omaa vakituista työpistettä ei ole, mutta jokaisella on lukittava kaappi.",
                "I de gemensamma lokalerna finns tysta arbetsplatser, mötesrum för webbmöten och öppna ytor för "
                "samarbete. Ingen har en egen fast arbetsplats, men alla har ett låsbart skåp.",
            ),
            (
                "Kulunvalvonta hoidetaan uusilla kulkukorteilla, jotka jaetaan ennen muuttoa. Vanhat kortit "
                "palautetaan kirjaamoon.",
                "Passerkontrollen sköts med nya passerkort som delas ut före flytten. De gamla korten lämnas till "
                "registratorskontoret.",
            ),
            (
                "Toimitilapalvelut järjestää tiloihin tutustumiskierroksia. Ilmoittautua voi Taimin "
                "tapahtumakalenterissa.",
                "Lokaltjänsterna ordnar visningar av lokalerna. Anmälan görs i Taimis evenemangskalender.",
            ),
        ],
        headings=[("Millainen uusi työympäristö on?", "Hurdan är den nya arbetsmiljön?")],
        quote=(
            "Yhteiset tilat tuovat eri virastojen asiantuntijat saman kahvipöydän ääreen.",
            "De gemensamma lokalerna för samman sakkunniga från olika ämbetsverk vid samma kaffebord.",
        ),
        fact=(
            ("Muistilista muuttajalle", "Minneslista för den som flyttar"),
            (
                "<ul><li>pakkaa oma tavarasi kaappiin mahtuvaksi</li><li>hae uusi kulkukortti</li><li>varaa "
                "työpiste etukäteen</li></ul>",
                "<ul><li>packa dina saker så att de ryms i skåpet</li><li>hämta ett nytt passerkort</li><li>boka "
                "arbetsplats i förväg</li></ul>",
            ),
        ),
    ),
    dict(
        key="ohjaamot",
        motif="verkosto",
        categories=["tyollisyys", "tietohallinto", "paatetty"],
        speaker="tietohallinto-ja-viestinta",
        stages=[
            (
                (
                    "Ohjaamot.fi ja Ohjaustaverkossa.fi siirtyvät KEHA-keskukseen",
                    "Ohjaamot.fi och Ohjaustaverkossa.fi överförs till UF-centret",
                ),
                (
                    "KEHA-keskus vastaa jatkossa nuorten Ohjaamoiden verkkopalveluista ja viestintäkanavista. "
                    "Tuotetukiryhmä ottaa palvelut hoitoonsa vaiheittain.",
                    "UF-centret ansvarar i fortsättningen för webbtjänsterna och kommunikationskanalerna för "
                    "Navigatorerna för unga. Produktstödsgruppen tar över tjänsterna stegvis.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Ohjaamot tarjoavat alle 30-vuotiaille maksutonta tukea työhön, koulutukseen ja arkeen. "
                "Verkkopalvelut kokoavat Ohjaamoiden yhteystiedot ja ajankohtaiset tapahtumat.",
                "Navigatorerna erbjuder personer under 30 år kostnadsfritt stöd i frågor om arbete, utbildning och "
                "vardag. Webbtjänsterna samlar Navigatorernas kontaktuppgifter och aktuella evenemang.",
            ),
            (
                "Siirto ei näy palvelujen käyttäjille. Sisällöntuottajien tunnukset siirretään keskitetysti.",
                "Överföringen syns inte för användarna av tjänsterna. Innehållsproducenternas användarnamn överförs "
                "centralt.",
            ),
        ],
        headings=[("Mikä muuttuu?", "Vad ändras?")],
    ),
    dict(
        key="toimi-chat",
        motif="puhekuplat",
        categories=["tietohallinto"],
        speaker="tietohallinto-ja-viestinta",
        stages=[
            (
                (
                    "Toimi-palvelupyyntöihin tulee chat-avustaja",
                    "Serviceförfrågningarna i Toimi får en chattassistent",
                ),
                (
                    "Käyttäjätuki pilotoi chat-avustajaa, joka neuvoo yleisimmissä kysymyksissä ja ohjaa tarvittaessa "
                    "palvelupyynnön oikealle tiimille.",
                    "Användarstödet testar en chattassistent som ger råd i de vanligaste frågorna och vid behov styr "
                    "serviceförfrågan till rätt team.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Toimin chat-avustaja käytössä – näin se toimii",
                    "Chattassistenten i Toimi är i bruk – så här fungerar den",
                ),
                (
                    "Chat-avustaja vastaa nyt kaikille Toimin käyttäjille. Ihmisen puoleen pääsee aina kirjoittamalla "
                    "”asiantuntija”.",
                    "Chattassistenten svarar nu alla användare av Toimi. Man kommer alltid till en människa genom att "
                    "skriva ”sakkunnig”.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Avustaja osaa esimerkiksi salasanan vaihdon, etäyhteyden ongelmat ja tulostimen lisäämisen. "
                "Kaikki keskustelut tallentuvat palvelupyyntöön, joten asiaa ei tarvitse selittää uudelleen.",
                "Assistenten kan till exempel lösenordsbyte, problem med distansanslutningen och att lägga till en "
                "skrivare. Alla samtal sparas i serviceförfrågan, så ärendet behöver inte förklaras på nytt.",
            ),
            (
                "Avustaja ei käsittele henkilötietoja eikä salassa pidettäviä asiakirjoja. Älä liitä keskusteluun "
                "asiakkaiden tietoja.",
                "Assistenten behandlar inte personuppgifter eller sekretessbelagda handlingar. Klistra inte in "
                "kunduppgifter i chatten.",
            ),
            (
                "Palautetta avustajasta voi antaa jokaisen keskustelun lopuksi.",
                "Respons om assistenten kan ges efter varje samtal.",
            ),
        ],
        headings=[("Missä avustaja auttaa?", "Vad hjälper assistenten med?")],
        quote=(
            "Yksinkertaiset kysymykset ratkeavat heti, ja asiantuntijoille jää aikaa vaikeille.",
            "De enkla frågorna löses direkt, och de sakkunniga får tid för de svåra.",
        ),
    ),
    dict(
        key="henkilostobarometri",
        motif="ihmiset",
        categories=["henkilosto"],
        speaker="henkilosto-ja-lakipalvelut",
        stages=[
            (
                (
                    "Henkilöstöbarometrin tulokset: keskiarvo 3,7",
                    "Personalbarometerns resultat: medelvärdet 3,7",
                ),
                (
                    "Vastausprosentti oli 78 ja keskiarvo 3,7, joten tavoite ylittyi. Parhaat arviot saivat oma työ ja "
                    "työyhteisön tuki.",
                    "Svarsprocenten var 78 och medelvärdet 3,7, så målet överskreds. De bästa bedömningarna fick det "
                    "egna arbetet och stödet från arbetsgemenskapen.",
                ),
                ["paatetty"],
            ),
            (
                (
                    "Henkilöstöbarometri on auki – vastaa kahden viikon kuluessa",
                    "Personalbarometern är öppen – svara inom två veckor",
                ),
                (
                    "Henkilöstöbarometri mittaa työhyvinvointia ja johtamista. Viime vuonna ylitimme tavoitteen 3,6 – "
                    "nyt katsotaan, miten muutokset ovat vaikuttaneet.",
                    "Personalbarometern mäter arbetshälsa och ledarskap. I fjol överskred vi målet 3,6 – nu ser vi hur "
                    "förändringarna har påverkat.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Kysely on luottamuksellinen: tulokset raportoidaan vain ryhmille, joissa on vähintään viisi "
                "vastaajaa.",
                "Enkäten är konfidentiell: resultaten rapporteras bara för grupper med minst fem svarande.",
            ),
            (
                "Tulokset käydään läpi jokaisessa tiimissä. Esihenkilöt saavat tuekseen keskustelupohjan, ja "
                "tiimit valitsevat itse yhden kehityskohteen.",
                "Resultaten gås igenom i varje team. Förmännen får ett diskussionsunderlag som stöd, och teamen "
                "väljer själva ett utvecklingsområde.",
            ),
            (
                "Kehittämiskohteeksi nousi edelleen tiedonkulku yksiköiden välillä. Taimin kohdennetut uutiset ovat "
                "yksi vastaus tähän.",
                "Informationsflödet mellan enheterna blev fortfarande ett utvecklingsområde. Taimis riktade nyheter "
                "är ett svar på det.",
            ),
        ],
        headings=[("Mitä tuloksilla tehdään?", "Vad görs med resultaten?")],
        quote=(
            "Jokainen vastaus vaikuttaa siihen, mihin ensi vuonna panostetaan.",
            "Varje svar påverkar vad vi satsar på nästa år.",
        ),
    ),
    dict(
        key="kasittelyaika",
        motif="kalenteri",
        categories=["maksatus"],
        speaker="maksatusyksikko",
        audience=dict(units=["maksatusyksikko", "talouspalvelut"]),
        targeted=0.5,
        stages=[
            (
                (
                    "Maksatusten käsittelyaika pysyi alle 30 päivän",
                    "Handläggningstiden för utbetalningar stannade under 30 dagar",
                ),
                (
                    "Maksatuspäätösten keskimääräinen käsittelyaika oli 24 päivää. Tavoite alle 30 päivästä toteutui "
                    "kaikissa tukilajeissa.",
                    "Den genomsnittliga handläggningstiden för utbetalningsbesluten var 24 dagar. Målet under 30 dagar "
                    "uppnåddes i alla stödformer.",
                ),
                ["paatetty"],
            ),
            (
                (
                    "Kevään hakemusruuhka pidentää käsittelyaikoja hetkellisesti",
                    "Vårens ansökningsrusning förlänger handläggningstiderna tillfälligt",
                ),
                (
                    "Huhtikuussa hakemuksia tuli lähes kolmannes tavallista enemmän. Jonoja puretaan valtakunnallisesti "
                    "ja ylitöillä.",
                    "I april kom nästan en tredjedel fler ansökningar än vanligt. Köerna betas av riksomfattande och "
                    "med övertid.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Maksatusyksikkö tekee noin 430 000 maksatuspäätöstä vuodessa. Käsittelyaikaa seurataan Myllyssä "
                "viikoittain tukilajeittain.",
                "Utbetalningsenheten fattar cirka 430 000 utbetalningsbeslut om året. Handläggningstiden följs upp "
                "i Mylly varje vecka per stödform.",
            ),
            (
                "Kun hakemus on puutteellinen, käsittely pysähtyy lisäselvityspyyntöön. Sähköinen asiointi on "
                "vähentänyt näitä selvästi.",
                "När en ansökan är bristfällig stannar behandlingen vid en begäran om tilläggsutredning. "
                "E-tjänsten har klart minskat dem.",
            ),
            (
                "Asiakasvirastot voivat tarkistaa yksittäisen hakemuksen tilan maksatuksen yhteispalvelusta.",
                "Kundämbetsverken kan kontrollera en enskild ansökans status i utbetalningens gemensamma tjänst.",
            ),
        ],
        headings=[("Käsittelyaika tukilajeittain", "Handläggningstid per stödform")],
        fact=(
            ("Käsittelyaika", "Handläggningstid"),
            (
                "<ul><li>tavoite: alle 30 päivää</li><li>toteutunut keskiarvo: 24 päivää</li><li>seuranta: "
                "Mylly, viikoittain</li></ul>",
                "<ul><li>mål: under 30 dagar</li><li>utfall i genomsnitt: 24 dagar</li><li>uppföljning: Mylly, "
                "varje vecka</li></ul>",
            ),
        ),
    ),
    dict(
        key="taimi",
        motif="taimi",
        categories=["tietohallinto"],
        speaker="tietohallinto-ja-viestinta",
        stages=[
            (
                (
                    "Taimi uudistui: uutiset nyt sinulle kohdennettuina",
                    "Taimi har förnyats: nyheterna riktas nu till dig",
                ),
                (
                    "Etusivulla näkyvät nyt sinulle kohdennetut valtakunnalliset ja alueelliset uutiset. Voit "
                    "suodattaa uutisia luokan ja julkaisijan mukaan.",
                    "På startsidan syns nu riksomfattande och regionala nyheter som riktas till dig. Du kan filtrera "
                    "nyheterna enligt kategori och utgivare.",
                ),
                ["paatetty"],
            ),
            (
                ("Taimin uutiset syötteenä lukuohjelmaan", "Taimis nyheter som flöde i en läsare"),
                (
                    "Voit tilata omat uutisesi Atom-syötteenä. Syötteen osoite on henkilökohtainen, joten älä jaa sitä.",
                    "Du kan prenumerera på dina nyheter som ett Atom-flöde. Flödets adress är personlig, så dela den "
                    "inte.",
                ),
                [],
            ),
            (
                (
                    "Alueelliset toimittajat voivat nyt täydentää valtakunnallisia uutisia",
                    "Regionala redaktörer kan nu komplettera riksomfattande nyheter",
                ),
                (
                    "ELY-keskusten ja TE-toimistojen toimittajat voivat lisätä valtakunnalliseen uutiseen oman "
                    "alueensa tiedot. Täydennys näkyy vain oman viraston henkilöstölle.",
                    "Redaktörerna vid NTM-centralerna och TE-byråerna kan komplettera en riksomfattande nyhet med "
                    "uppgifter om sin region. Kompletteringen syns bara för det egna ämbetsverkets personal.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Uutinen julkaistaan kerran, ja se näkyy kaikille, joille se on kohdennettu: virastolle, "
                "paikkakunnalle, yksikölle tai tiimille. Kohdentamaton uutinen näkyy kaikille.",
                "En nyhet publiceras en gång och syns för alla som den riktas till: ett ämbetsverk, en ort, en enhet "
                "eller ett team. En nyhet utan mottagare syns för alla.",
            ),
            (
                "Uudet uutiset on merkitty, kunnes olet avannut ne. Tärkeimmät tiedotteet kiinnitetään listan "
                "kärkeen määräajaksi.",
                "Nya nyheter är märkta tills du har öppnat dem. De viktigaste meddelandena fästs överst i listan "
                "för en viss tid.",
            ),
            (
                "Taimi toimii suomeksi ja ruotsiksi. Kun uutisesta on ruotsinkielinen versio, se näytetään "
                "ruotsinkieliselle lukijalle automaattisesti.",
                "Taimi fungerar på finska och svenska. När en nyhet har en svensk version visas den automatiskt för "
                "den som läser på svenska.",
            ),
            (
                "Palautetta Taimista voi antaa Taimi-toimitukselle Toimi-palvelupyynnöllä.",
                "Respons om Taimi kan ges till Taimi-redaktionen med en serviceförfrågan i Toimi.",
            ),
        ],
        headings=[("Mitä uutta?", "Vad är nytt?")],
        quote=(
            "Taimi on meidän kaikkien yhteinen työpaikka, vaikka istumme 34 paikkakunnalla.",
            "Taimi är vår gemensamma arbetsplats, fast vi sitter på 34 orter.",
        ),
        fact=(
            ("Näin löydät uutisesi", "Så hittar du dina nyheter"),
            (
                "<ul><li>etusivu: sinulle kohdennetut uutiset</li><li>Uutiset: suodata luokan ja julkaisijan "
                "mukaan</li><li>Atom-syöte omaan lukuohjelmaan</li></ul>",
                "<ul><li>startsidan: nyheter som riktas till dig</li><li>Nyheter: filtrera enligt kategori och "
                "utgivare</li><li>Atom-flöde till din egen läsare</li></ul>",
            ),
        ),
    ),
    dict(
        key="kulunvalvonta",
        motif="kilpi",
        categories=["tilat"],
        speaker="asianhallinta-ja-virastopalvelut",
        stages=[
            (
                ("Kulunvalvonta uudistuu virastotaloissa", "Passerkontrollen förnyas i ämbetshusen"),
                (
                    "Kulkukortit ja henkilökortit yhdistetään yhdeksi kortiksi. Uudistus tehdään toimipaikka kerrallaan.",
                    "Passerkorten och tjänstekorten slås ihop till ett kort. Förnyelsen görs ett verksamhetsställe i "
                    "taget.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Uudet kulkukortit jaetaan – tarkista oman toimipaikkasi aikataulu",
                    "De nya passerkorten delas ut – kontrollera tidtabellen för ditt verksamhetsställe",
                ),
                (
                    "Uusi kortti on samalla virkamieskortti. Vanha kulkukortti lakkaa toimimasta kaksi viikkoa uuden "
                    "kortin jakamisen jälkeen.",
                    "Det nya kortet är samtidigt tjänstekort. Det gamla passerkortet slutar fungera två veckor efter att "
                    "det nya kortet delats ut.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Kortin saa kirjaamosta tai toimipaikan yhteyshenkilöltä henkilöllisyystodistusta vastaan.",
                "Kortet hämtas hos registratorskontoret eller verksamhetsställets kontaktperson mot uppvisande av "
                "identitetsbevis.",
            ),
            (
                "Kadonneesta kortista ilmoitetaan heti Toimi-palvelupyynnöllä, jolloin kortti suljetaan.",
                "Ett förlorat kort anmäls genast med en serviceförfrågan i Toimi, varvid kortet spärras.",
            ),
            (
                "Vierailijat kirjataan jatkossa sähköisesti. Isäntä saa ilmoituksen, kun vieras saapuu.",
                "Besökare registreras i fortsättningen elektroniskt. Värden får ett meddelande när gästen anländer.",
            ),
        ],
        headings=[("Näin saat uuden kortin", "Så får du det nya kortet")],
    ),
    dict(
        key="matkalaskut",
        motif="kolikot",
        categories=["maksatus", "paatetty"],
        speaker="talouspalvelut",
        stages=[
            (
                (
                    "Matkalaskut ja maksukortit: uusi ohje voimaan",
                    "Reseräkningar och betalkort: ny anvisning i kraft",
                ),
                (
                    "Matkustusohje ja maksukorttien käyttöohje on yhdistetty. Matkalasku tehdään kahden viikon kuluessa "
                    "matkan päättymisestä.",
                    "Reseanvisningen och anvisningen om betalkort har slagits ihop. Reseräkningen görs inom två veckor "
                    "efter att resan avslutats.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Maksukortilla maksetut kulut tuodaan matkalaskulle automaattisesti. Kuitit kuvataan "
                "mobiilisovelluksella, eikä paperikuitteja tarvitse säilyttää.",
                "Utgifter som betalats med betalkort förs automatiskt in på reseräkningen. Kvittona fotograferas med "
                "mobilappen, och papperskvitton behöver inte sparas.",
            ),
            (
                "Esihenkilö hyväksyy matkasuunnitelman ennen matkaa. Junalla matkustaminen on ensisijainen "
                "vaihtoehto kotimaan matkoilla.",
                "Förmannen godkänner reseplanen före resan. Tåg är förstahandsalternativet på inrikesresor.",
            ),
            (
                "Talouspalvelut käsittelee matkalaskut keskimäärin viidessä työpäivässä.",
                "Ekonomitjänsterna behandlar reseräkningarna i genomsnitt inom fem arbetsdagar.",
            ),
        ],
        headings=[("Tärkeimmät muutokset", "De viktigaste ändringarna")],
        fact=(
            ("Matkalasku", "Reseräkning"),
            (
                "<ul><li>tee kahden viikon kuluessa</li><li>kuitit mobiilisovelluksella</li><li>kysymykset: "
                "Toimi, luokka Matkahallinto</li></ul>",
                "<ul><li>gör den inom två veckor</li><li>kvitton med mobilappen</li><li>frågor: Toimi, "
                "kategorin Reseförvaltning</li></ul>",
            ),
        ),
    ),
    dict(
        key="virtu",
        motif="ihmiset",
        categories=["koulutus", "tilat"],
        speaker="toiminnan-kehittaminen",
        stages=[
            (
                (
                    "VIRTU-valmennus jatkuu: virtuaalisen työkulttuurin käytännöt kaikkiin tiimeihin",
                    "VIRTU-träningen fortsätter: praxis för virtuell arbetskultur i alla team",
                ),
                (
                    "Virtuaalisen työkulttuurin valmennus tuotti käytäntöjä, jotka otetaan nyt käyttöön kaikissa "
                    "tiimeissä. Tiimi valitsee itselleen sopivimmat.",
                    "Träningen i virtuell arbetskultur gav praxis som nu införs i alla team. Varje team väljer de som "
                    "passar det bäst.",
                ),
                ["paatetty"],
            ),
            (
                (
                    "Monipaikkaisen työn pelisäännöt päivitettiin",
                    "Spelreglerna för flerplatsarbete har uppdaterats",
                ),
                (
                    "Työ ei ole paikka. Päivitetyt pelisäännöt kertovat, miten olemme tavoitettavissa ja miten "
                    "kokoukset pidetään.",
                    "Arbete är ingen plats. De uppdaterade spelreglerna berättar hur vi är nåbara och hur mötena "
                    "hålls.",
                ),
                [],
            ),
        ],
        paragraphs=[
            (
                "Kun tiimin jäsenet istuvat eri paikkakunnilla, tavoitettavuus ratkaisee. Merkitse päivän "
                "työskentelypaikkasi ja tilasi Taimiin, niin kollegat tietävät, milloin voi soittaa.",
                "När teamets medlemmar sitter på olika orter är nåbarheten avgörande. Ange dagens arbetsplats och "
                "din status i Taimi, så vet kollegerna när de kan ringa.",
            ),
            (
                "Verkkokokouksessa kamera pidetään päällä, jos yhteys sen sallii, ja puheenvuoroa pyydetään "
                "kädennostolla. Jokainen kokous päättyy sovittuihin tehtäviin.",
                "I webbmöten hålls kameran på om förbindelsen tillåter det, och ordet begärs genom att räcka upp "
                "handen. Varje möte avslutas med överenskomna uppgifter.",
            ),
            (
                "Vapaamuotoiselle yhteydenpidolle varataan aikaa: virtuaaliset kahvitauot ja tiimin oma "
                "keskustelukanava pitävät yhteyttä yllä.",
                "Tid reserveras för informell kontakt: virtuella kaffepauser och teamets egen diskussionskanal "
                "upprätthåller kontakten.",
            ),
            (
                "Passiivisuus ei kanna verkossa. Esihenkilö varmistaa, että jokainen tiimin jäsen saa äänensä "
                "kuuluviin.",
                "Passivitet bär inte på webben. Förmannen ser till att varje teammedlem får sin röst hörd.",
            ),
        ],
        headings=[("Käytännöt, jotka toimivat", "Praxis som fungerar")],
        quote=(
            "Johtaminen perustuu tuloksiin, ei siihen, missä työ tehdään.",
            "Ledarskapet grundar sig på resultat, inte på var arbetet utförs.",
        ),
    ),
    dict(
        key="valmius",
        motif="kilpi",
        categories=["tietohallinto"],
        speaker="johdon-tukiyksikko",
        stages=[
            (
                (
                    "Valmiusharjoitus testaa palvelujen jatkuvuutta",
                    "Beredskapsövningen testar tjänsternas kontinuitet",
                ),
                (
                    "Harjoituksessa selvitetään, miten maksatus ja talouspalvelut jatkuvat, jos keskeinen järjestelmä "
                    "on poissa käytöstä useita päiviä.",
                    "Övningen utreder hur utbetalningen och ekonomitjänsterna fortsätter om ett centralt system är ur "
                    "bruk i flera dagar.",
                ),
                ["valmistelussa"],
            ),
            (
                (
                    "Valmiusharjoituksen opit: varajärjestelyt toimivat",
                    "Lärdomarna från beredskapsövningen: reservarrangemangen fungerade",
                ),
                (
                    "Harjoitus osoitti, että kriittiset maksut saadaan maksettua myös poikkeustilanteessa. "
                    "Yhteystietolistat päivitetään.",
                    "Övningen visade att kritiska betalningar kan göras också i ett undantagsläge. "
                    "Kontaktlistorna uppdateras.",
                ),
                ["paatetty"],
            ),
        ],
        paragraphs=[
            (
                "Valmiustehtävät kuuluvat KEHA-keskuksen lakisääteisiin tehtäviin. Harjoituksia pidetään "
                "vuosittain yhdessä asiakasvirastojen kanssa.",
                "Beredskapsuppgifterna hör till UF-centrets lagstadgade uppgifter. Övningar hålls årligen "
                "tillsammans med kundämbetsverken.",
            ),
            (
                "Harjoitus ei näy asiakkaille. Osallistujat saavat kutsun esihenkilöltään.",
                "Övningen syns inte för kunderna. Deltagarna får en kallelse av sin förman.",
            ),
        ],
        headings=[("Miksi harjoitellaan?", "Varför övar vi?")],
    ),
]

# --- Series: the same kind of article with a different subject ----------------
#
# Keys: key, motif, categories, speaker, audience, targeted, title and lead
# templates with {item}/{item_sv}, items [(subject pair, lead pair, paragraph
# pair[, extra categories])], shared paragraphs, headings, quote, fact.

SERIES = [
    dict(
        key="henkilostoinfo",
        motif="ihmiset",
        categories=["henkilosto", "tapahtumat"],
        speaker="henkilosto-ja-lakipalvelut",
        title=("Henkilöstöinfo: {item}", "Personalinfo: {item_sv}"),
        items=[
            (
                ("vuosilomat ja lomarahavapaat", "semester och semesterpenningledighet"),
                (
                    "Lomakausi lähestyy. Käymme läpi, miten vuosilomat suunnitellaan ja miten lomarahan voi vaihtaa "
                    "vapaaksi.",
                    "Semesterperioden närmar sig. Vi går igenom hur semestern planeras och hur semesterpenningen kan "
                    "bytas mot ledighet.",
                ),
                (
                    "Lomasuunnitelmat kirjataan Kiekuun viimeistään maaliskuun lopussa. Esihenkilö vahvistaa lomat, kun "
                    "tiimin tehtävien hoito on varmistettu.",
                    "Semesterplanerna förs in i Kieku senast i slutet av mars. Förmannen bekräftar semestern när "
                    "teamets uppgifter är säkrade.",
                ),
            ),
            (
                ("työaika ja liukuma", "arbetstid och flextid"),
                (
                    "Työaikakorvaukset ja liukuman rajat herättävät kysymyksiä. Infossa vastataan niihin.",
                    "Ersättningar för arbetstid och gränserna för flextid väcker frågor. I infot besvaras de.",
                ),
                (
                    "Liukumaa voi kertyä enintään 40 tuntia. Yli menevät tunnit sovitaan esihenkilön kanssa pidettäviksi "
                    "vapaana.",
                    "Högst 40 timmar flextid får samlas. Timmarna som går över avtalas med förmannen och tas ut som "
                    "ledighet.",
                ),
            ),
            (
                ("Sirius-työkykytuki", "Sirius-stöd för arbetsförmågan"),
                (
                    "Sirius-toimintamalli auttaa ottamaan työkyvyn puheeksi ajoissa. Infossa kerrotaan, miten malli "
                    "toimii.",
                    "Sirius-modellen hjälper att ta upp arbetsförmågan i tid. I infot berättas hur modellen fungerar.",
                ),
                (
                    "Puheeksi ottaminen on tukea, ei kontrollia. Keskustelu käydään luottamuksellisesti, ja "
                    "työterveyshuolto on mukana tarvittaessa.",
                    "Att ta upp saken är stöd, inte kontroll. Samtalet förs konfidentiellt, och företagshälsovården "
                    "deltar vid behov.",
                ),
            ),
            (
                ("kehityskeskustelut", "utvecklingssamtal"),
                (
                    "Syksyn kehityskeskustelut alkavat. Uusi lomakepohja on aiempaa lyhyempi ja keskittyy osaamiseen.",
                    "Höstens utvecklingssamtal börjar. Den nya blanketten är kortare än tidigare och fokuserar på "
                    "kompetens.",
                ),
                (
                    "Keskustelussa sovitaan tavoitteet ja osaamisen kehittäminen seuraavalle vuodelle. Valmistaudu "
                    "miettimällä, mikä työssä sujui ja mitä haluat oppia.",
                    "I samtalet kommer man överens om målen och kompetensutvecklingen för nästa år. Förbered dig genom "
                    "att fundera på vad som gick bra och vad du vill lära dig.",
                ),
            ),
            (
                ("palkkausjärjestelmän uudistus", "förnyelsen av lönesystemet"),
                (
                    "Palkkausjärjestelmän vaativuustasoja uudistetaan. Kerromme aikataulun ja sen, miten muutos "
                    "vaikuttaa sinuun.",
                    "Svårighetsnivåerna i lönesystemet förnyas. Vi berättar om tidtabellen och hur ändringen påverkar "
                    "dig.",
                ),
                (
                    "Tehtävänkuvat päivitetään ensin. Vaativuuden arviointi tehdään yhteistyössä henkilöstön edustajien "
                    "kanssa.",
                    "Arbetsbeskrivningarna uppdateras först. Bedömningen av svårighetsgraden görs i samarbete med "
                    "personalens representanter.",
                ),
                ["valmistelussa"],
            ),
            (
                ("perehdytys uudistuu", "introduktionen förnyas"),
                (
                    "Uuden työntekijän perehdytys kootaan yhdeksi poluksi, joka alkaa jo ennen ensimmäistä työpäivää.",
                    "Introduktionen för nya medarbetare samlas i en stig som börjar redan före den första "
                    "arbetsdagen.",
                ),
                (
                    "Polku sisältää verkkokurssit, tiimin kummin ja kolmen kuukauden palautekeskustelun.",
                    "Stigen innehåller webbkurser, en fadder i teamet och ett responssamtal efter tre månader.",
                ),
                ["paatetty"],
            ),
            (
                ("työterveyshuolto ja etätyöergonomia", "företagshälsovård och ergonomi i distansarbete"),
                (
                    "Työterveyshuollon palvelut ja etätyöpisteen ergonomia puhuttavat. Fysioterapeutti antaa "
                    "vinkkejä kotikonttoriin.",
                    "Företagshälsovårdens tjänster och ergonomin vid distansarbetsplatsen engagerar. En fysioterapeut "
                    "ger tips för hemmakontoret.",
                ),
                (
                    "Etätyöpisteen kalusteita voi lainata toimipaikalta. Hakemus tehdään Toimi-palvelupyynnöllä.",
                    "Möbler till distansarbetsplatsen kan lånas från verksamhetsstället. Ansökan görs med en "
                    "serviceförfrågan i Toimi.",
                ),
            ),
            (
                ("kevään rekrytoinnit", "vårens rekryteringar"),
                (
                    "Keväällä haetaan asiantuntijoita erityisesti maksatukseen ja talouspalveluihin. Kerro avoimista "
                    "paikoista verkostoillesi.",
                    "I vår söks sakkunniga särskilt till utbetalningen och ekonomitjänsterna. Berätta om de lediga "
                    "tjänsterna för dina nätverk.",
                ),
                (
                    "Rekrytointipalvelut tukee esihenkilöitä hakuilmoitusten laatimisessa ja haastatteluissa.",
                    "Rekryteringstjänsterna stöder förmännen med platsannonser och intervjuer.",
                ),
            ),
            (
                ("yhdenvertaisuus- ja tasa-arvosuunnitelma", "likabehandlings- och jämställdhetsplanen"),
                (
                    "Suunnitelma päivitetään kahden vuoden välein. Nyt on hyvä hetki kertoa, mitä siihen pitäisi "
                    "lisätä.",
                    "Planen uppdateras vartannat år. Nu är ett bra tillfälle att berätta vad som borde läggas till.",
                ),
                (
                    "Palkkakartoituksen tulokset esitellään infossa. Sukupuolten väliset erot samoissa tehtävissä ovat "
                    "pieniä.",
                    "Resultaten av lönekartläggningen presenteras i infot. Skillnaderna mellan könen i samma uppgifter "
                    "är små.",
                ),
                ["valmistelussa"],
            ),
            (
                ("kesän työajat ja tavoitettavuus", "sommarens arbetstider och nåbarhet"),
                (
                    "Kesällä moni tiimi toimii pienemmällä miehityksellä. Sovitaan yhdessä, miten palvelut pysyvät "
                    "käynnissä.",
                    "På sommaren arbetar många team med mindre bemanning. Vi kommer överens om hur tjänsterna hålls "
                    "i gång.",
                ),
                (
                    "Jokainen tiimi nimeää kesäksi varahenkilöt. Tiedot kirjataan tiimin sivulle Taimiin.",
                    "Varje team utser ersättare för sommaren. Uppgifterna förs in på teamets sida i Taimi.",
                ),
            ),
        ],
        lead=(None, None),
        paragraphs=[
            (
                "Info pidetään Teamsissa {date} klo 13–14. Tallenne ja diat julkaistaan Taimissa infon jälkeen, joten "
                "voit katsoa sen myös myöhemmin.",
                "Infot hålls i Teams {date} kl. 13–14. Inspelningen och bilderna publiceras i Taimi efter infot, så "
                "du kan också se det senare.",
            ),
            (
                "Kysymyksiä voi lähettää etukäteen henkilöstöpalveluille tai esittää infon aikana chatissa, myös "
                "nimettömästi.",
                "Frågor kan skickas i förväg till personaltjänsterna eller ställas i chatten under infot, också "
                "anonymt.",
            ),
            (
                "Info on tarkoitettu kaikille KEHA-keskuksen työntekijöille paikkakunnasta riippumatta.",
                "Infot är avsett för alla anställda vid UF-centret oavsett ort.",
            ),
        ],
        headings=[("Näin osallistut", "Så deltar du")],
        quote=(
            "Hyvä työnantaja kertoo asioista ajoissa ja kuuntelee, mitä henkilöstöllä on sanottavaa.",
            "En god arbetsgivare berättar i tid och lyssnar på vad personalen har att säga.",
        ),
    ),
    dict(
        key="tietoturvavinkki",
        motif="kilpi",
        categories=["tietohallinto"],
        speaker="tietohallinto-ja-viestinta",
        title=("Tietoturvavinkki: {item}", "Informationssäkerhetstips: {item_sv}"),
        items=[
            (
                ("tunnista kalasteluviesti", "känn igen nätfiske"),
                (
                    "Kalasteluviestit ovat yhä taitavampia. Kolme merkkiä auttaa tunnistamaan huijauksen.",
                    "Nätfiskemeddelandena blir allt skickligare. Tre tecken hjälper dig att känna igen ett bedrägeri.",
                ),
                (
                    "Tarkista lähettäjän osoite, älä avaa odottamattomia liitteitä ja ole epäluuloinen, jos viestissä "
                    "on kiire. Ilmoita epäilyttävästä viestistä ilmoita-painikkeella.",
                    "Kontrollera avsändarens adress, öppna inte oväntade bilagor och var misstänksam om meddelandet "
                    "brådskar. Anmäl misstänkta meddelanden med anmälningsknappen.",
                ),
            ),
            (
                ("monivaiheinen tunnistautuminen kaikkialla", "flerfaktorsautentisering överallt"),
                (
                    "Monivaiheinen tunnistautuminen otetaan käyttöön kaikissa pilvipalveluissa. Ota sovellus käyttöön "
                    "ajoissa.",
                    "Flerfaktorsautentisering införs i alla molntjänster. Ta appen i bruk i god tid.",
                ),
                (
                    "Jos puhelin vaihtuu, siirrä tunnistautuminen uuteen laitteeseen ennen vanhan palauttamista. "
                    "Käyttäjätuki auttaa tarvittaessa.",
                    "Om du byter telefon, flytta autentiseringen till den nya enheten innan du lämnar tillbaka den "
                    "gamla. Användarstödet hjälper vid behov.",
                ),
            ),
            (
                ("salasanat ja salasanojen hallinta", "lösenord och lösenordshantering"),
                (
                    "Pitkä salalause on parempi kuin lyhyt ja monimutkainen salasana. Salasanojen hallintaohjelma on "
                    "kaikkien käytössä.",
                    "En lång lösenfras är bättre än ett kort och komplicerat lösenord. Alla har tillgång till ett "
                    "program för lösenordshantering.",
                ),
                (
                    "Älä käytä samaa salasanaa työ- ja henkilökohtaisissa palveluissa. Kukaan tietohallinnosta ei "
                    "koskaan kysy salasanaasi.",
                    "Använd inte samma lösenord i arbetet och i privata tjänster. Ingen på dataförvaltningen frågar "
                    "någonsin efter ditt lösenord.",
                ),
            ),
            (
                ("julkiset verkot matkoilla", "offentliga nätverk på resor"),
                (
                    "Junassa ja hotellissa työskennellessä yhteys muodostetaan aina VPN:n kautta.",
                    "När du arbetar på tåget eller hotellet går förbindelsen alltid via VPN.",
                ),
                (
                    "Käytä mieluummin puhelimen jaettua yhteyttä kuin avointa langatonta verkkoa. Näytönsuoja estää "
                    "sivullisia näkemästä asiakastietoja.",
                    "Använd hellre telefonens delade anslutning än ett öppet trådlöst nätverk. Ett skärmfilter hindrar "
                    "utomstående från att se kunduppgifter.",
                ),
            ),
            (
                ("lukitse näyttö aina", "lås alltid skärmen"),
                (
                    "Windows + L on tietoturvan halvin ja tehokkain pikanäppäin.",
                    "Windows + L är informationssäkerhetens billigaste och effektivaste kortkommando.",
                ),
                (
                    "Lukitse näyttö aina, kun lähdet koneelta, myös kotona. Kone lukittuu automaattisesti viiden "
                    "minuutin kuluttua.",
                    "Lås alltid skärmen när du lämnar datorn, också hemma. Datorn låses automatiskt efter fem "
                    "minuter.",
                ),
            ),
            (
                ("ilmoita tietoturvapoikkeamasta heti", "anmäl informationssäkerhetsincidenter genast"),
                (
                    "Väärään osoitteeseen lähtenyt sähköposti on tietoturvapoikkeama. Ilmoita siitä heti, vaikka asia "
                    "tuntuisi pieneltä.",
                    "Ett e-postmeddelande som gått till fel adress är en informationssäkerhetsincident. Anmäl den "
                    "genast, även om saken känns liten.",
                ),
                (
                    "Tietosuojavaltuutetulle on ilmoitettava vakavista poikkeamista 72 tunnin kuluessa. Nopea ilmoitus "
                    "antaa aikaa korjata tilanne.",
                    "Allvarliga incidenter ska anmälas till dataombudsmannen inom 72 timmar. En snabb anmälan ger tid "
                    "att rätta till läget.",
                ),
            ),
            (
                ("tekoälypalvelut ja asiakastiedot", "AI-tjänster och kunduppgifter"),
                (
                    "Tekoälypalvelut helpottavat kirjoittamista, mutta asiakastietoja niihin ei saa syöttää.",
                    "AI-tjänster underlättar skrivandet, men kunduppgifter får inte matas in i dem.",
                ),
                (
                    "Käytä vain tietohallinnon hyväksymiä palveluja. Henkilötiedot, salassa pidettävät asiakirjat ja "
                    "keskeneräiset päätökset eivät kuulu kehotteisiin.",
                    "Använd bara tjänster som dataförvaltningen har godkänt. Personuppgifter, sekretessbelagda "
                    "handlingar och oavslutade beslut hör inte hemma i prompterna.",
                ),
            ),
            (
                ("päivitykset ajoissa", "uppdateringar i tid"),
                (
                    "Tietoturvapäivitykset asentuvat automaattisesti, kun kone käynnistetään uudelleen.",
                    "Säkerhetsuppdateringarna installeras automatiskt när datorn startas om.",
                ),
                (
                    "Käynnistä kone uudelleen vähintään kerran viikossa. Jos päivitys epäonnistuu, tee "
                    "Toimi-palvelupyyntö.",
                    "Starta om datorn minst en gång i veckan. Om uppdateringen misslyckas, gör en serviceförfrågan i "
                    "Toimi.",
                ),
            ),
            (
                ("muistitikut ja ulkoiset laitteet", "usb-minnen och externa enheter"),
                (
                    "Tuntematonta muistitikkua ei kytketä työkoneeseen koskaan.",
                    "Ett okänt usb-minne ansluts aldrig till arbetsdatorn.",
                ),
                (
                    "Tiedostot jaetaan yhteisissä työtiloissa, ei muistitikuilla. Löytötikut toimitetaan "
                    "käyttäjätukeen.",
                    "Filer delas i de gemensamma arbetsutrymmena, inte på usb-minnen. Upphittade minnen lämnas till "
                    "användarstödet.",
                ),
            ),
            (
                ("turvaluokitellut asiakirjat", "säkerhetsklassificerade handlingar"),
                (
                    "Salassa pidettävät asiakirjat merkitään ja säilytetään asianhallinnassa, ei sähköpostissa.",
                    "Sekretessbelagda handlingar märks och förvaras i ärendehanteringen, inte i e-posten.",
                ),
                (
                    "Tiedonhallintalaki edellyttää, että tiedämme, missä tieto on. Kirjaamo neuvoo merkinnöissä.",
                    "Lagen om informationshantering förutsätter att vi vet var informationen finns. "
                    "Registratorskontoret ger råd om märkningarna.",
                ),
            ),
        ],
        lead=(None, None),
        paragraphs=[
            (
                "Tietoturva on jokaisen arkea. Tietoturva ja tietosuoja -tiimi julkaisee vinkin kerran kuussa.",
                "Informationssäkerhet är allas vardag. Teamet för informationssäkerhet och dataskydd publicerar ett "
                "tips i månaden.",
            ),
            (
                "Lisää ohjeita löytyy Taimin tietoturvasivulta. Jos epäilet, että jokin on pielessä, ota yhteyttä "
                "käyttäjätukeen heti.",
                "Fler anvisningar finns på informationssäkerhetssidan i Taimi. Om du misstänker att något är fel, "
                "kontakta användarstödet genast.",
            ),
        ],
        headings=[("Muista tämä", "Kom ihåg det här")],
        fact=(
            ("Tietoturvapoikkeama?", "Informationssäkerhetsincident?"),
            (
                "<ol><li>ilmoita heti Toimi-palvelupyynnöllä</li><li>älä poista viestejä tai tiedostoja</li>"
                "<li>kerro esihenkilöllesi</li></ol>",
                "<ol><li>anmäl genast med en serviceförfrågan i Toimi</li><li>radera inte meddelanden eller "
                "filer</li><li>berätta för din förman</li></ol>",
            ),
        ),
    ),
    dict(
        key="maksatuskatsaus",
        motif="kolikot",
        categories=["maksatus"],
        speaker="maksatusyksikko",
        audience=dict(units=["maksatusyksikko"]),
        targeted=0.7,
        title=("Maksatuksen tilannekatsaus: {item}", "Lägesöversikt över utbetalningen: {item_sv}"),
        items=[
            (
                ("palkkatuet", "lönesubventioner"),
                (
                    "Palkkatukien maksatushakemuksia on jonossa tavallista vähemmän. Käsittelyaika on noin kolme viikkoa.",
                    "Det finns färre ansökningar om utbetalning av lönesubvention i kön än vanligt. Handläggningstiden "
                    "är cirka tre veckor.",
                ),
                (
                    "Palkkatukitiimi on purkanut kevään ruuhkan. Tarkastuksissa painopiste on tulorekisterin ja "
                    "hakemuksen tietojen eroissa.",
                    "Lönesubventionsteamet har betat av vårens rusning. Granskningarna inriktas på skillnader mellan "
                    "inkomstregistret och ansökan.",
                ),
            ),
            (
                ("EU-tuet", "EU-stöd"),
                (
                    "EU-hankkeiden maksatushakemuksia tulee ohjelmakauden vaihteessa paljon. Varaudu pidempiin "
                    "käsittelyaikoihin.",
                    "Vid skiftet mellan programperioderna kommer många ansökningar om utbetalning för EU-projekt. "
                    "Räkna med längre handläggningstider.",
                ),
                (
                    "EU-tukien maksatus edellyttää kustannusten tarkastusta. Hankkeille on julkaistu tarkistuslista, "
                    "joka vähentää puutteita.",
                    "Utbetalningen av EU-stöd förutsätter granskning av kostnaderna. En checklista har publicerats för "
                    "projekten för att minska bristerna.",
                ),
            ),
            (
                ("starttiraha", "startpeng"),
                (
                    "Starttirahan sähköinen asiointi on nopeuttanut maksatusta. Päätös syntyy keskimäärin kymmenessä "
                    "päivässä.",
                    "E-tjänsten för startpeng har gjort utbetalningen snabbare. Beslutet fattas i genomsnitt inom tio "
                    "dagar.",
                ),
                (
                    "Starttirahat maksetaan kuukausittain jälkikäteen. Hakijan tulee ilmoittaa muutoksista "
                    "yritystoiminnassa heti.",
                    "Startpengen betalas ut månadsvis i efterskott. Den sökande ska genast meddela ändringar i "
                    "företagsverksamheten.",
                ),
            ),
            (
                ("yritystuet", "företagsstöd"),
                (
                    "Yritysten kehittämisavustusten maksatus on aikataulussa. Loppumaksatuksissa tarkastetaan "
                    "hankkeen tulokset.",
                    "Utbetalningen av utvecklingsbidrag för företag följer tidtabellen. Vid slututbetalningarna "
                    "granskas projektets resultat.",
                ),
                (
                    "ELY-keskusten yritysrahoitus ja maksatus tekevät tiivistä yhteistyötä, jotta päätökset ja "
                    "maksatus kulkevat samassa tahdissa.",
                    "NTM-centralernas företagsfinansiering och utbetalningen samarbetar tätt för att besluten och "
                    "utbetalningen ska gå i samma takt.",
                ),
            ),
            (
                ("takaisinperinnät", "återkrav"),
                (
                    "Takaisinperintöjen määrä on pysynyt ennallaan. Suurin osa koskee palkkatukia.",
                    "Antalet återkrav är oförändrat. De flesta gäller lönesubventioner.",
                ),
                (
                    "Takaisinperintäpäätös on aina perusteltava huolellisesti. Lakipalvelut tukee vaikeissa "
                    "tapauksissa.",
                    "Ett beslut om återkrav ska alltid motiveras omsorgsfullt. Juridiska tjänster stöder i svåra fall.",
                ),
            ),
            (
                ("tarkastukset", "granskningar"),
                (
                    "Paikan päällä tehtävät tarkastukset käynnistyvät uudelleen. Osa tarkastuksista tehdään "
                    "etäyhteydellä.",
                    "Granskningarna på plats inleds på nytt. En del av granskningarna görs på distans.",
                ),
                (
                    "Tarkastussuunnitelma laaditaan riskiperusteisesti. Tulokset raportoidaan asiakasvirastoille "
                    "neljännesvuosittain.",
                    "Granskningsplanen görs upp riskbaserat. Resultaten rapporteras till kundämbetsverken "
                    "kvartalsvis.",
                ),
            ),
            (
                ("vuodenvaihteen maksut", "betalningarna vid årsskiftet"),
                (
                    "Vuodenvaihteessa maksupäivät ovat poikkeuksellisia. Viimeinen maksuajo tehdään ennen joulua.",
                    "Vid årsskiftet avviker betalningsdagarna. Den sista betalningskörningen görs före jul.",
                ),
                (
                    "Maksatuspäätökset, jotka hyväksytään viimeisen maksuajon jälkeen, maksetaan tammikuun "
                    "ensimmäisellä viikolla.",
                    "Utbetalningsbeslut som godkänns efter den sista körningen betalas ut under den första veckan i "
                    "januari.",
                ),
            ),
            (
                ("kuljetustuki ja muut erityistuet", "transportstöd och andra specialstöd"),
                (
                    "Harvinaisempien tukien maksatus keskitetään yhteen tiimiin, jotta osaaminen säilyy.",
                    "Utbetalningen av mer sällsynta stöd koncentreras till ett team så att kompetensen bevaras.",
                ),
                (
                    "Erityistukien hakemuksia on vähän, mutta ne ovat työläitä. Keskittäminen lyhentää käsittelyaikoja.",
                    "Det finns få ansökningar om specialstöd, men de är arbetsdryga. Koncentrationen förkortar "
                    "handläggningstiderna.",
                ),
            ),
        ],
        lead=(None, None),
        paragraphs=[
            (
                "Maksatusyksikkö tekee vuosittain noin 430 000 maksatuspäätöstä. Tilannekatsaus julkaistaan kerran "
                "kuukaudessa.",
                "Utbetalningsenheten fattar årligen cirka 430 000 utbetalningsbeslut. Lägesöversikten publiceras en "
                "gång i månaden.",
            ),
            (
                "Ajantasaiset luvut tukilajeittain löytyvät Myllystä. Kysymykset voi esittää maksatuksen "
                "yhteispalveluun.",
                "Aktuella siffror per stödform finns i Mylly. Frågor kan ställas till utbetalningens gemensamma "
                "tjänst.",
            ),
        ],
        headings=[("Tilanne nyt", "Läget nu")],
        quote=(
            "Tasainen kuorma koko maassa on paras tapa pitää käsittelyajat kohtuullisina.",
            "En jämn belastning i hela landet är det bästa sättet att hålla handläggningstiderna rimliga.",
        ),
    ),
    dict(
        key="tiimiesittely",
        motif="ihmiset",
        categories=["henkilosto"],
        title=("Tiimiesittely: {item}", None),
        items="teams",  # filled from demo.teams_data.TEAMS by demo/news.py
        lead=("Sarjassa esitellään Taimin tiimejä ja verkostoja. Vuorossa on {item}.", None),
        item_paragraph=("{description} {lead_sentence}", None),
        paragraphs=[
            (
                "Tiimin jäsenet istuvat eri paikkakunnilla, ja yhteistyö sujuu verkossa. Viikkopalaveri pidetään "
                "maanantaisin, ja muuten yhteyttä pidetään tiimin omalla keskustelukanavalla.",
                None,
            ),
            (
                "Tiimin jäsenet ja heidän osaamisensa löytyvät Taimin tiimisivulta. Sieltä näet myös, kuka on tänään "
                "tavoitettavissa.",
                None,
            ),
            ("Haluatko oman tiimisi esittelyyn? Ota yhteyttä Taimi-toimitukseen.", None),
        ],
        headings=[("Mitä tiimi tekee?", None)],
    ),
    dict(
        key="toimipaikka",
        motif="rakennus",
        categories=["tilat"],
        title=("Toimipaikkaesittely: {item}", "Vi presenterar verksamhetsstället: {item_sv}"),
        items="locations",  # filled from demo.teams_data.LOCATIONS by demo/news.py
        lead=(
            "KEHA-keskuksen väkeä työskentelee 34 paikkakunnalla. Tällä kertaa vuorossa on {office}.",
            "UF-centrets personal arbetar på 34 orter. Den här gången står verksamhetsstället i {item_sv} i "
            "tur.",
        ),
        item_paragraph=(
            "{office} sijaitsee osoitteessa {street}, {postal} {item}.",
            "Verksamhetsstället ligger på adressen {street}, {postal} {item_sv}.",
        ),
        paragraphs=[
            (
                "Toimipaikassa työskentelee ihmisiä useasta yksiköstä ja asiakasvirastosta. Moni tiimi on "
                "valtakunnallinen, joten lähin tiimikaveri voi istua satojen kilometrien päässä.",
                "På verksamhetsstället arbetar personer från flera enheter och kundämbetsverk. Många team är "
                "riksomfattande, så närmaste teamkamrat kan sitta hundratals kilometer bort.",
            ),
            (
                "Yhteiset kahvihetket ovat tärkeitä: ne ovat paikka, jossa eri virastojen asiantuntijat tutustuvat "
                "toisiinsa.",
                "De gemensamma kaffestunderna är viktiga: där lär sakkunniga från olika ämbetsverk känna varandra.",
            ),
            (
                "Toimipaikan osoitteen, aukioloajat ja tavoitettavat henkilöt näet Taimin toimipaikkasivulta.",
                "Verksamhetsställets adress, öppettider och nåbara personer finns på verksamhetsställets sida i "
                "Taimi.",
            ),
        ],
        headings=[("Arkea toimipaikalla", "Vardag på verksamhetsstället")],
    ),
    dict(
        key="koulutus",
        motif="kalenteri",
        categories=["koulutus", "tapahtumat"],
        speaker="toiminnan-kehittaminen",
        title=("Koulutus: {item}", "Utbildning: {item_sv}"),
        items=[
            (
                ("hallintolaki käytännössä", "förvaltningslagen i praktiken"),
                (
                    "Webinaari kertaa hyvän hallinnon perusteet päätöksenteossa ja asiakaspalvelussa.",
                    "Webbinariet repeterar grunderna för god förvaltning i beslutsfattandet och kundbetjäningen.",
                ),
                (
                    "Käymme läpi kuulemisen, perustelemisen ja muutoksenhaun esimerkkien avulla. Kouluttajina toimivat "
                    "lakipalvelujen juristit.",
                    "Vi går igenom hörande, motivering och ändringssökande med hjälp av exempel. Utbildarna är jurister "
                    "från juridiska tjänster.",
                ),
            ),
            (
                ("saavutettava verkkoviestintä", "tillgänglig webbkommunikation"),
                (
                    "Miten kirjoitat uutisen, jonka kaikki voivat lukea? Koulutus on tarkoitettu kaikille Taimin "
                    "toimittajille.",
                    "Hur skriver du en nyhet som alla kan läsa? Utbildningen är avsedd för alla redaktörer i Taimi.",
                ),
                (
                    "Harjoittelemme otsikoiden, linkkitekstien ja kuvien vaihtoehtoisten tekstien kirjoittamista.",
                    "Vi övar på att skriva rubriker, länktexter och alternativa texter för bilder.",
                ),
            ),
            (
                ("selkeä virkakieli", "klarspråk i myndighetstext"),
                (
                    "Selkeä teksti säästää aikaa: vähemmän kysymyksiä, vähemmän väärinkäsityksiä.",
                    "Klar text sparar tid: färre frågor, färre missförstånd.",
                ),
                (
                    "Koulutuksessa muokataan omia päätöspohjia ja kirjeitä selkeämmiksi.",
                    "I utbildningen gör vi egna beslutsmallar och brev klarare.",
                ),
            ),
            (
                ("tiedonhallintalaki tutuksi", "lagen om informationshantering"),
                (
                    "Verkkokurssi kertoo, miten tietoaineistot kuvataan ja miten tiedonhallintamalli ylläpidetään.",
                    "Webbkursen berättar hur informationsmaterial beskrivs och hur informationshanteringsmodellen "
                    "upprätthålls.",
                ),
                (
                    "Kurssi on pakollinen asianhallinnan pääkäyttäjille ja suositeltava kaikille.",
                    "Kursen är obligatorisk för huvudanvändarna av ärendehanteringen och rekommenderas för alla.",
                ),
            ),
            (
                ("projektinhallinnan perusteet", "grunderna i projektledning"),
                (
                    "PMO-verkosto järjestää kaksiosaisen koulutuksen projektien suunnittelusta ja seurannasta.",
                    "PMO-nätverket ordnar en utbildning i två delar om planering och uppföljning av projekt.",
                ),
                (
                    "Koulutuksessa tutustutaan projektisalkkuun ja yhteisiin projektipohjiin.",
                    "I utbildningen bekantar vi oss med projektportföljen och de gemensamma projektmallarna.",
                ),
            ),
            (
                ("palvelumuotoilun työpaja", "workshop i tjänstedesign"),
                (
                    "Työpajassa kehitetään yhtä todellista palvelua asiakkaan näkökulmasta.",
                    "I workshoppen utvecklas en verklig tjänst ur kundens perspektiv.",
                ),
                (
                    "Osallistujat haastattelevat asiakkaita ja testaavat ideoitaan nopeasti.",
                    "Deltagarna intervjuar kunder och testar sina idéer snabbt.",
                ),
            ),
            (
                ("Excel talousraportoinnissa", "Excel i ekonomirapporteringen"),
                (
                    "Käytännön koulutus Myllyn raporttien jatkokäsittelyyn Excelissä.",
                    "Praktisk utbildning i att bearbeta Myllys rapporter vidare i Excel.",
                ),
                (
                    "Opit pivot-taulukot ja tietojen yhdistämisen ilman käsin kopiointia.",
                    "Du lär dig pivottabeller och att kombinera uppgifter utan manuell kopiering.",
                ),
            ),
            (
                ("asianhallinnan perusteet uusille", "grunderna i ärendehantering för nya"),
                (
                    "Uusille työntekijöille suunnattu koulutus asianhallinnan ja kirjaamisen perusteista.",
                    "Utbildning om grunderna i ärendehantering och registrering för nya medarbetare.",
                ),
                (
                    "Kirjaamon asiantuntijat näyttävät, miten asia avataan, asiakirjat liitetään ja asia päätetään.",
                    "Sakkunniga från registratorskontoret visar hur ett ärende öppnas, handlingar fogas till och "
                    "ärendet avslutas.",
                ),
            ),
            (
                ("TE-akatemia: asiakaspalvelun verkkokurssi", "TE-akademin: webbkurs i kundbetjäning"),
                (
                    "TE-akatemian uusi verkkokurssi käsittelee haastavia asiakastilanteita.",
                    "TE-akademins nya webbkurs behandlar utmanande kundsituationer.",
                ),
                (
                    "Kurssi koostuu lyhyistä videoista ja tehtävistä, ja sen voi suorittaa omaan tahtiin.",
                    "Kursen består av korta videor och uppgifter och kan göras i egen takt.",
                ),
            ),
            (
                ("esihenkilöklinikka: vaikeat keskustelut", "förmannaklinik: svåra samtal"),
                (
                    "Esihenkilöklinikassa harjoitellaan vaikeita keskusteluja turvallisessa ympäristössä.",
                    "På förmannakliniken övar vi på svåra samtal i en trygg miljö.",
                ),
                (
                    "Klinikka on tarkoitettu kaikille esihenkilöille. Ryhmään otetaan enintään 12 osallistujaa.",
                    "Kliniken är avsedd för alla förmän. Högst 12 deltagare tas med i gruppen.",
                ),
            ),
        ],
        lead=(None, None),
        paragraphs=[
            (
                "Koulutus pidetään verkossa {date} klo 9–11. Ilmoittaudu viimeistään viikkoa ennen.",
                "Utbildningen hålls på webben {date} kl. 9–11. Anmäl dig senast en vecka innan.",
            ),
            (
                "Osallistuminen merkitään osaamisrekisteriin. Koulutuksen materiaalit julkaistaan Taimissa.",
                "Deltagandet förs in i kompetensregistret. Utbildningens material publiceras i Taimi.",
            ),
            (
                "Uusintakerta järjestetään {date2}, jos ensimmäinen kerta täyttyy.",
                "Ett nytt tillfälle ordnas {date2}, om det första blir fullt.",
            ),
        ],
        headings=[("Käytännön tiedot", "Praktisk information")],
        fact=(
            ("Ilmoittautuminen", "Anmälan"),
            (
                "<p>Ilmoittaudu TE-akatemiassa. Peruutukset viimeistään kolme päivää ennen.</p>",
                "<p>Anmäl dig i TE-akademin. Återbud senast tre dagar innan.</p>",
            ),
        ),
    ),
    dict(
        key="taimi-vinkki",
        motif="taimi",
        categories=["tietohallinto"],
        title=("Taimi-vinkki: {item}", "Taimitips: {item_sv}"),
        items=[
            (
                ("merkitse päivän työskentelypaikka", "ange dagens arbetsplats"),
                (
                    "Kun kollegat näkevät, missä olet tänään, sovittu tapaaminen kahvin äärellä onnistuu helpommin.",
                    "När kollegerna ser var du är i dag är det lättare att ses över en kopp kaffe.",
                ),
                (
                    "Valitse profiilistasi päivän paikkakunta tai etätyö. Tieto nollautuu keskiyöllä.",
                    "Välj dagens ort eller distansarbete i din profil. Uppgiften nollställs vid midnatt.",
                ),
            ),
            (
                ("löydä asiantuntija osaamisen perusteella", "hitta en sakkunnig utifrån kompetens"),
                (
                    "Henkilöhaku löytää kollegat nimen lisäksi tittelin ja osaamisen perusteella.",
                    "Personsökningen hittar kolleger inte bara enligt namn utan också enligt titel och kompetens.",
                ),
                (
                    "Kirjoita hakuun esimerkiksi ”palkkatuki” tai ”tietoturva”. Lisää oma osaamisesi profiiliin, niin "
                    "sinutkin löydetään.",
                    "Skriv till exempel ”lönesubvention” eller ”informationssäkerhet” i sökningen. Lägg till din egen "
                    "kompetens i profilen, så hittar man dig också.",
                ),
            ),
            (
                ("Taimi ruotsiksi", "Taimi på svenska"),
                (
                    "Taimin kielen voi vaihtaa sivun yläreunasta. Valinta säilyy seuraavalla käynnillä.",
                    "Taimis språk kan bytas uppe på sidan. Valet sparas till nästa besök.",
                ),
                (
                    "Kun uutisesta on ruotsinkielinen versio, näet sen automaattisesti ruotsinkielisessä Taimissa.",
                    "När en nyhet har en svensk version ser du den automatiskt i Taimi på svenska.",
                ),
            ),
            (
                ("päivitä oma profiilisi", "uppdatera din profil"),
                (
                    "Ajantasainen profiili auttaa kollegoita löytämään oikean ihmisen.",
                    "En aktuell profil hjälper kollegerna att hitta rätt person.",
                ),
                (
                    "Lisää profiiliin kuva, kielitaito ja osaamisalueet. Puhelinnumero ja toimipaikka tulevat "
                    "henkilöstöhallinnosta.",
                    "Lägg till foto, språkkunskaper och kompetensområden i profilen. Telefonnumret och "
                    "verksamhetsstället kommer från personaladministrationen.",
                ),
            ),
            (
                ("suodata uutisia luokittain", "filtrera nyheterna enligt kategori"),
                (
                    "Valmistelussa ja Päätetty -luokat kertovat, mitä on tulossa ja mitä on jo sovittu.",
                    "Kategorierna Under beredning och Beslutat berättar vad som är på gång och vad som redan "
                    "bestämts.",
                ),
                (
                    "Valitse Uutiset-sivulla luokka tai julkaisija. Suodatettu näkymä toimii myös kirjanmerkkinä.",
                    "Välj kategori eller utgivare på sidan Nyheter. Den filtrerade vyn fungerar också som bokmärke.",
                ),
            ),
            (
                ("tiimisivut", "teamsidorna"),
                (
                    "Jokaisella tiimillä on Taimissa oma sivu, jossa näkyvät jäsenet ja vetäjä.",
                    "Varje team har en egen sida i Taimi där medlemmarna och ledaren syns.",
                ),
                (
                    "Tiimisivulta näet myös, kuka tiimistä on tavoitettavissa juuri nyt.",
                    "På teamsidan ser du också vem i teamet som är nåbar just nu.",
                ),
            ),
        ],
        lead=(None, None),
        paragraphs=[
            (
                "Taimi-toimitus julkaisee vinkkejä Taimin käyttöön. Toiveita seuraavista vinkeistä voi lähettää "
                "toimitukselle.",
                "Taimi-redaktionen publicerar tips om hur Taimi används. Önskemål om kommande tips kan skickas till "
                "redaktionen.",
            ),
            (
                "Taimi toimii myös puhelimen selaimessa ilman erillistä sovellusta.",
                "Taimi fungerar också i telefonens webbläsare utan separat app.",
            ),
        ],
        headings=[("Näin se tehdään", "Så här gör du")],
    ),
    dict(
        key="esihenkilofoorumi",
        motif="puhekuplat",
        categories=["henkilosto", "tapahtumat"],
        speaker="henkilosto-ja-lakipalvelut",
        audience=dict(teams=["esihenkilofoorumi"]),
        targeted=1.0,
        title=("Esihenkilöfoorumi: {item}", "Förmannaforum: {item_sv}"),
        items=[
            (
                ("monipaikkaisen tiimin johtaminen", "att leda ett team på flera orter"),
                (
                    "Foorumissa jaetaan kokemuksia tiimeistä, joiden jäsenet eivät juuri koskaan tapaa kasvokkain.",
                    "I forumet delar vi erfarenheter av team vars medlemmar nästan aldrig träffas ansikte mot ansikte.",
                ),
                (
                    "Kaksi esihenkilöä kertoo, miten he pitävät tiiminsä yhdessä ilman yhteistä toimistoa.",
                    "Två förmän berättar hur de håller ihop sina team utan ett gemensamt kontor.",
                ),
            ),
            (
                ("henkilöstöbarometrin tulosten käsittely", "behandlingen av personalbarometerns resultat"),
                (
                    "Miten tulokset käydään läpi tiimissä niin, että keskustelu johtaa tekoihin?",
                    "Hur går man igenom resultaten i teamet så att diskussionen leder till handling?",
                ),
                (
                    "Henkilöstöpalvelut esittelee keskustelupohjan ja esimerkkejä onnistuneista kehityskohteista.",
                    "Personaltjänsterna presenterar diskussionsunderlaget och exempel på lyckade "
                    "utvecklingsområden.",
                ),
            ),
            (
                ("varhainen tuki ja työkyky", "tidigt stöd och arbetsförmåga"),
                (
                    "Sirius-toimintamallin käytännöt esihenkilön näkökulmasta.",
                    "Sirius-modellens praxis ur förmannens perspektiv.",
                ),
                (
                    "Työterveyshuollon edustaja vastaa kysymyksiin puheeksi ottamisesta.",
                    "En representant för företagshälsovården svarar på frågor om att ta upp saker.",
                ),
            ),
            (
                ("rekrytointi ja perehdytys", "rekrytering och introduktion"),
                (
                    "Hyvä perehdytys alkaa jo rekrytoinnista. Foorumissa esitellään uusi perehdytyspolku.",
                    "En god introduktion börjar redan vid rekryteringen. I forumet presenteras den nya "
                    "introduktionsstigen.",
                ),
                (
                    "Rekrytointipalvelut kertoo, miten hakuilmoitus tavoittaa osaajat eri puolilta Suomea.",
                    "Rekryteringstjänsterna berättar hur en platsannons når kunniga personer i olika delar av "
                    "Finland.",
                ),
            ),
            (
                ("tulosohjaus ja tavoitteet", "resultatstyrning och mål"),
                (
                    "Strategian tavoitteet viedään tiimien arkeen tulostavoitteiden kautta.",
                    "Strategins mål förs in i teamens vardag genom resultatmålen.",
                ),
                (
                    "Johdon tukiyksikkö esittelee, miten tavoitteiden toteutumista seurataan Myllyssä.",
                    "Ledningens stödenhet presenterar hur måluppfyllelsen följs upp i Mylly.",
                ),
            ),
            (
                (
                    "muutosjohtaminen TE-palvelujen siirrossa",
                    "förändringsledning vid överföringen av TE-tjänsterna",
                ),
                (
                    "Miten tuemme tiimejä, joiden tehtävät muuttuvat siirron myötä?",
                    "Hur stöder vi team vars uppgifter ändras i och med överföringen?",
                ),
                (
                    "Foorumissa kuullaan kokemuksia tiimeistä, joiden asiakkaat siirtyivät työllisyysalueille.",
                    "I forumet hörs erfarenheter från team vars kunder övergick till sysselsättningsområdena.",
                ),
            ),
        ],
        lead=(None, None),
        paragraphs=[
            (
                "Esihenkilöfoorumi kokoontuu verkossa {date} klo 14–15.30. Kutsu on lähetetty kaikille "
                "esihenkilöille.",
                "Förmannaforumet samlas på webben {date} kl. 14–15.30. Kallelsen har skickats till alla förmän.",
            ),
            (
                "Foorumin jälkeen keskustelu jatkuu esihenkilöiden omalla kanavalla Taimissa.",
                "Efter forumet fortsätter diskussionen på förmännens egen kanal i Taimi.",
            ),
        ],
        headings=[("Ohjelma", "Program")],
    ),
    dict(
        key="talous",
        motif="kolikot",
        categories=["maksatus"],
        speaker="talouspalvelut",
        audience=dict(units=["talouspalvelut"]),
        targeted=0.3,
        title=("Talouspalvelut tiedottaa: {item}", "Ekonomitjänsterna informerar: {item_sv}"),
        items=[
            (
                ("tilinpäätöksen aikataulu", "tidtabellen för bokslutet"),
                (
                    "Tilinpäätöksen valmistelu alkaa. Kaikki kuluvan vuoden laskut on hyväksyttävä ajoissa.",
                    "Förberedelserna för bokslutet börjar. Alla fakturor för innevarande år ska godkännas i tid.",
                ),
                (
                    "Viimeinen hyväksymispäivä on {date}, ja myöhässä hyväksytyt laskut kirjataan seuraavalle "
                    "vuodelle.",
                    "Sista godkännandedag är {date}, och fakturor som godkänns för sent bokförs på följande år.",
                ),
                ["paatetty"],
            ),
            (
                ("matkalaskut ennen vuodenvaihdetta", "reseräkningar före årsskiftet"),
                (
                    "Tee kuluvan vuoden matkalaskut ennen joulua, jotta kulut kirjautuvat oikealle vuodelle.",
                    "Gör årets reseräkningar före jul så att kostnaderna bokförs på rätt år.",
                ),
                (
                    "Matkalaskuja käsitellään vuodenvaihteessa normaalisti, mutta maksuajoja on vähemmän.",
                    "Reseräkningarna behandlas normalt vid årsskiftet, men det finns färre betalningskörningar.",
                ),
            ),
            (
                ("maksukorttien uusiminen", "förnyelsen av betalkorten"),
                (
                    "Maksukortit uusitaan keväällä. Uusi kortti postitetaan kotiin.",
                    "Betalkorten förnyas i vår. Det nya kortet postas hem.",
                ),
                (
                    "Ota uusi kortti käyttöön heti, sillä vanha lakkaa toimimasta kuukauden kuluttua.",
                    "Ta det nya kortet i bruk genast, eftersom det gamla slutar fungera efter en månad.",
                ),
                ["paatetty"],
            ),
            (
                ("laskujen kierrätys nopeutuu", "fakturacirkulationen blir snabbare"),
                (
                    "Ostolaskujen tarkastus ja hyväksyntä tehdään jatkossa mobiilisti.",
                    "Granskningen och godkännandet av inköpsfakturor görs i fortsättningen mobilt.",
                ),
                (
                    "Hyväksyjä saa ilmoituksen, kun lasku odottaa. Laskut eivät enää odota lomien yli.",
                    "Godkännaren får ett meddelande när en faktura väntar. Fakturorna väntar inte längre över "
                    "semestrarna.",
                ),
                ["paatetty"],
            ),
            (
                ("hankintojen kilpailutuskalenteri", "kalendern för konkurrensutsättningar"),
                (
                    "Ensi vuoden kilpailutukset on koottu kalenteriin. Tarkista, koskeeko jokin omaa yksikköäsi.",
                    "Nästa års konkurrensutsättningar har samlats i en kalender. Kontrollera om någon gäller din "
                    "enhet.",
                ),
                (
                    "Hankinta-asiantuntijat auttavat tarpeen määrittelyssä. Ota yhteyttä hyvissä ajoin.",
                    "Upphandlingsexperterna hjälper till att definiera behovet. Ta kontakt i god tid.",
                ),
            ),
        ],
        lead=(None, None),
        paragraphs=[
            (
                "Talouspalvelut palvelee ELY-keskuksia, TE-toimistoja ja KEHA-keskusta. Volyymityö on ryhmitelty "
                "alueittain ja muu työ valtakunnallisesti.",
                "Ekonomitjänsterna betjänar NTM-centralerna, TE-byråerna och UF-centret. Volymarbetet är grupperat "
                "regionalt och det övriga arbetet riksomfattande.",
            ),
            (
                "Kysymykset voi lähettää Toimi-palvelupyynnöllä luokkaan Talouspalvelut.",
                "Frågor kan skickas med en serviceförfrågan i Toimi under kategorin Ekonomitjänster.",
            ),
        ],
        headings=[("Muista", "Kom ihåg")],
    ),
]

# --- Regional articles ---------------------------------------------------------
#
# Published by an ELY centre or a TE office, targeted to that agency. ``kinds``
# limits a template to ELY ("ely") or TE ("te") agencies.

REGIONAL = [
    dict(
        key="henkilostoinfo",
        motif="ihmiset",
        categories=["henkilosto", "tapahtumat"],
        title=("{agency} kutsuu koko henkilöstön infoon", "{agency_sv} bjuder in hela personalen till info"),
        lead=(
            "Ajankohtaista {agency_gen} johdolta: talousarvio, toimitilat ja kevään painopisteet.",
            "Aktuellt från ledningen för {agency_sv}: budget, lokaler och vårens prioriteringar.",
        ),
        paragraphs=[
            (
                "Info pidetään {date} klo 10–11 {town_in} ja verkossa. Kahvitarjoilu on toimipaikalla.",
                "Infot hålls {date} kl. 10–11 i {town_sv} och på webben. Kaffe serveras på verksamhetsstället.",
            ),
            (
                "Kysymyksiä johdolle voi lähettää etukäteen viraston viestintään.",
                "Frågor till ledningen kan skickas i förväg till ämbetsverkets kommunikation.",
            ),
        ],
    ),
    dict(
        key="kehittamispaiva",
        motif="maisema",
        categories=["tapahtumat"],
        title=(
            "{agency_gen} kehittämispäivä kokoaa väen yhteen",
            "Utvecklingsdagen samlar personalen vid {agency_sv}",
        ),
        lead=(
            "Kehittämispäivän teemana on yhteistyö työllisyysalueiden kanssa.",
            "Temat för utvecklingsdagen är samarbetet med sysselsättningsområdena.",
        ),
        paragraphs=[
            (
                "Päivä pidetään {date} {town_in}. Aamupäivällä kuullaan alustuksia, iltapäivällä työskennellään "
                "ryhmissä.",
                "Dagen hålls {date} i {town_sv}. På förmiddagen hörs inledningar, på eftermiddagen arbetar vi i "
                "grupper.",
            ),
            (
                "Etäosallistujat pääsevät mukaan ryhmätöihin verkossa.",
                "Distansdeltagare kan delta i grupparbetena på webben.",
            ),
        ],
    ),
    dict(
        key="remontti",
        motif="rakennus",
        categories=["tilat", "paatetty"],
        title=(
            "{agency}: toimitilojen peruskorjaus alkaa",
            "{agency_sv}: grundrenoveringen av lokalerna börjar",
        ),
        lead=(
            "Virastotalon peruskorjaus kestää noin puoli vuotta. Osa työpisteistä siirtyy väistötiloihin.",
            "Grundrenoveringen av ämbetshuset tar cirka ett halvt år. En del av arbetsplatserna flyttar till "
            "evakueringslokaler.",
        ),
        paragraphs=[
            (
                "Remontti tehdään kerros kerrallaan. Väistötilat ovat samassa korttelissa, ja kulkukortit toimivat "
                "niissä.",
                "Renoveringen görs en våning i taget. Evakueringslokalerna finns i samma kvarter, och passerkorten "
                "fungerar där.",
            ),
            (
                "Melua aiheuttavat työt tehdään mahdollisuuksien mukaan aamuisin. Etätyö on suositeltavaa "
                "meluisina päivinä.",
                "Bullriga arbeten görs i mån av möjlighet på morgnarna. Distansarbete rekommenderas under bullriga "
                "dagar.",
            ),
        ],
    ),
    dict(
        key="joulu",
        motif="kalenteri",
        categories=["henkilosto"],
        title=(
            "{agency}: palvelut joulun ja uudenvuoden aikaan",
            "{agency_sv}: tjänsterna under jul och nyår",
        ),
        lead=(
            "Asiakaspalvelu on suljettu aattopäivinä. Kiireelliset asiat hoidetaan päivystyksenä.",
            "Kundtjänsten är stängd på aftnarna. Brådskande ärenden sköts genom jour.",
        ),
        paragraphs=[
            (
                "Päivystäjien yhteystiedot löytyvät viraston sivulta Taimissa.",
                "Jourhavandes kontaktuppgifter finns på ämbetsverkets sida i Taimi.",
            ),
            (
                "Muista merkitä poissaolosi kalenteriin ja sähköpostin automaattiseen vastaukseen.",
                "Kom ihåg att föra in din frånvaro i kalendern och i e-postens automatiska svar.",
            ),
        ],
    ),
    dict(
        key="siirtyva-henkilosto",
        motif="kartta",
        kinds=["te"],
        categories=["tyollisyys"],
        title=(
            "{agency}: jatkoinfo työllisyysalueille siirtyneille",
            "{agency_sv}: fortsatt info för dem som övergått till sysselsättningsområdena",
        ),
        lead=(
            "Siirtyneiden ja virastoon jääneiden yhteistyö jatkuu. Infossa sovitaan käytännöistä.",
            "Samarbetet mellan dem som övergått och dem som stannat vid ämbetsverket fortsätter. I infot "
            "kommer vi överens om praxis.",
        ),
        paragraphs=[
            (
                "Info pidetään {date} verkossa. Mukana ovat alueen työllisyysalueiden yhteyshenkilöt.",
                "Infot hålls {date} på webben. Kontaktpersonerna för regionens sysselsättningsområden deltar.",
            ),
            (
                "Yhteiset asiakkaat ja keskeneräiset asiat käydään läpi asiakasryhmittäin.",
                "Gemensamma kunder och pågående ärenden gås igenom per kundgrupp.",
            ),
        ],
    ),
    dict(
        key="yritystuet-haku",
        motif="kolikot",
        kinds=["ely"],
        categories=["maksatus", "paatetty"],
        title=(
            "{agency}: yritysten kehittämisavustusten haku avautui",
            "{agency_sv}: ansökan om utvecklingsbidrag för företag har öppnat",
        ),
        lead=(
            "Haku on auki kuukauden. Maksatusyksikkö on valmistautunut hakemusmäärien kasvuun.",
            "Ansökan är öppen en månad. Utbetalningsenheten har förberett sig på att antalet ansökningar "
            "ökar.",
        ),
        paragraphs=[
            (
                "Yritysrahoituksen asiantuntijat neuvovat hakijoita {town_in}. Hakemukset käsitellään "
                "saapumisjärjestyksessä.",
                "Experterna på företagsfinansiering ger sökande råd i {town_sv}. Ansökningarna behandlas i den "
                "ordning de kommer in.",
            ),
            (
                "Myönnetyt avustukset maksetaan KEHA-keskuksen maksatusyksiköstä.",
                "De beviljade bidragen betalas ut av UF-centrets utbetalningsenhet.",
            ),
        ],
    ),
    dict(
        key="kesatyontekijat",
        motif="taimi",
        categories=["henkilosto"],
        title=("{agency}: kesätyöntekijät aloittivat", "{agency_sv}: sommarjobbarna har börjat"),
        lead=(
            "Tervetuloa! Kesän aikana kesätyöntekijät tutustuvat viraston tehtäviin.",
            "Välkomna! Under sommaren bekantar sig sommarjobbarna med ämbetsverkets uppgifter.",
        ),
        paragraphs=[
            (
                "Jokaiselle kesätyöntekijälle on nimetty ohjaaja. Perehdytys alkaa yhteisellä aamupäivällä "
                "{town_in}.",
                "Varje sommarjobbare har en utsedd handledare. Introduktionen börjar med en gemensam förmiddag i "
                "{town_sv}.",
            ),
            ("Ota uudet kollegat mukaan kahvipöytään!", "Ta med de nya kollegerna till kaffebordet!"),
        ],
    ),
    dict(
        key="tyhy",
        motif="maisema",
        categories=["henkilosto", "tapahtumat"],
        title=("{agency}: työhyvinvointipäivä ulkoillen", "{agency_sv}: arbetshälsodag ute i friska luften"),
        lead=(
            "Työhyvinvointipäivänä ulkoillaan, syödään yhdessä ja tutustutaan kollegoihin.",
            "På arbetshälsodagen är vi ute, äter tillsammans och lär känna kollegerna.",
        ),
        paragraphs=[
            (
                "Päivä pidetään {date}, ja lähtö on virastotalolta klo 9. Paluu on noin klo 15.",
                "Dagen hålls {date} med avfärd från ämbetshuset kl. 9 och återkomst cirka kl. 15.",
            ),
            (
                "Ohjelmassa on eri mittaisia reittejä, joten jokainen voi valita itselleen sopivan.",
                "Programmet har rutter av olika längd, så var och en kan välja en som passar.",
            ),
        ],
    ),
    dict(
        key="sisailma",
        motif="rakennus",
        categories=["tilat"],
        title=("{agency}: sisäilmakysely virastotalossa", "{agency_sv}: inomhusluftsenkät i ämbetshuset"),
        lead=(
            "Kyselyllä selvitetään työympäristön olosuhteita. Vastaaminen vie viisi minuuttia.",
            "Med enkäten utreds förhållandena i arbetsmiljön. Det tar fem minuter att svara.",
        ),
        paragraphs=[
            (
                "Kysely on auki {date} asti. Tulokset käsitellään työsuojelutoimikunnassa.",
                "Enkäten är öppen till och med {date}, och resultaten behandlas i arbetarskyddskommissionen.",
            ),
            (
                "Jos sinulla on oireita, ota yhteys työterveyshuoltoon.",
                "Om du har symtom, kontakta företagshälsovården.",
            ),
        ],
    ),
    dict(
        key="alueviestinta",
        motif="puhekuplat",
        categories=["tyollisyys", "paatetty"],
        title=(
            "{agency}: alueellinen viestintä uudistuu",
            "{agency_sv}: den regionala kommunikationen förnyas",
        ),
        lead=(
            "Alueen ajankohtaiset asiat löytyvät jatkossa Taimista, valtakunnallisten uutisten rinnalta.",
            "Regionens aktuella frågor finns i fortsättningen i Taimi, vid sidan av de riksomfattande "
            "nyheterna.",
        ),
        paragraphs=[
            (
                "Viraston viestintä täydentää valtakunnallisia uutisia alueen tiedoilla. Täydennys näkyy vain "
                "oman viraston henkilöstölle.",
                "Ämbetsverkets kommunikation kompletterar de riksomfattande nyheterna med regionala uppgifter. "
                "Kompletteringen syns bara för det egna ämbetsverkets personal.",
            ),
            (
                "Vinkkaa aiheita viraston viestintään – pienetkin uutiset kiinnostavat.",
                "Tipsa ämbetsverkets kommunikation om ämnen – också små nyheter intresserar.",
            ),
        ],
    ),
]

# Regional supplements to national articles: (topic key, Finnish html, Swedish html or "").
SUPPLEMENTS = [
    (
        "te-palvelut-kuntiin",
        "<p>{agency_gen} alueella siirtyneiden asiakkaiden asiakirjat luovutetaan työllisyysalueille "
        "asianhallinnan kautta. Epäselvissä tapauksissa ota yhteyttä viraston kirjaamoon {town_in}.</p>",
        "<p>I regionen för {agency_sv} överlämnas de överförda kundernas handlingar till "
        "sysselsättningsområdena via ärendehanteringen. Kontakta ämbetsverkets registratorskontor i {town_sv} "
        "om något är oklart.</p>",
    ),
    (
        "palkkatuki-sahkoinen",
        "<p>Alueemme työnantajille järjestetään sähköisen asioinnin opastustilaisuus {town_in}. Kerro "
        "tilaisuudesta asiakkaillesi.</p>",
        "<p>För arbetsgivarna i vår region ordnas ett handledningstillfälle om e-tjänsten i {town_sv}. Berätta "
        "om tillfället för dina kunder.</p>",
    ),
    (
        "yhteiset-tilat",
        "<p>{agency_gen} väki on tervetullut tutustumaan uusiin tiloihin. Sovi käynnistä viraston viestinnän "
        "kanssa.</p>",
        "",
    ),
    (
        "henkilostobarometri",
        "<p>{agency_gen} tulokset käsitellään henkilöstöinfossa. Virastomme vastausprosentti oli koko maan "
        "kärkeä – kiitos!</p>",
        "<p>Resultaten för {agency_sv} behandlas i personalinfot. Vårt ämbetsverks svarsprocent var bland de "
        "högsta i landet – tack!</p>",
    ),
    (
        "taimi",
        "<p>Alueellisten uutisten toimittajana toimii {agency_gen} viestintä. Vinkkaa aiheita suoraan "
        "toimittajalle.</p>",
        "<p>Redaktör för de regionala nyheterna är kommunikationen vid {agency_sv}. Tipsa redaktören direkt om "
        "ämnen.</p>",
    ),
    (
        "kulunvalvonta",
        "<p>{town_gen} virastotalossa uudet kortit jaetaan aulassa kahtena aamupäivänä. Tarkka aika ilmoitetaan "
        "sähköpostilla.</p>",
        "",
    ),
    (
        "te-digi",
        "<p>Alueemme pääkäyttäjä kokoaa TE-Digiä koskevat kysymykset ja käy ne läpi viikoittaisessa "
        "tukipalaverissa.</p>",
        "<p>Vår regions huvudanvändare samlar frågorna om TE-Digi och går igenom dem på det veckovisa "
        "stödmötet.</p>",
    ),
    (
        "keha2024",
        "<p>{agency_gen} henkilöstölle järjestetään oma strategiatyöpaja {town_in}. Ilmoittaudu viraston "
        "viestintään.</p>",
        "",
    ),
]

# Closing lines: where to ask. One per article, chosen at random.
CLOSERS = [
    (
        "Lisätietoja saat Taimin ohjeista tai Toimi-palvelupyynnöllä.",
        "Mer information finns i Taimis anvisningar eller via en serviceförfrågan i Toimi.",
    ),
    (
        "Kysymykset ja kommentit voi lähettää Taimi-toimitukselle.",
        "Frågor och kommentarer kan skickas till Taimi-redaktionen.",
    ),
    (
        "Kerro asiasta myös tiimisi kollegoille, jotka eivät lue Taimia päivittäin.",
        "Berätta också för de kolleger i ditt team som inte läser Taimi dagligen.",
    ),
    (
        "Päivitämme uutista, kun asiasta on uutta kerrottavaa.",
        "Vi uppdaterar nyheten när det finns något nytt att berätta.",
    ),
]

# Hero-image motifs (drawn by demo/news.py): key -> (title, Finnish alt, Swedish alt).
MOTIFS = {
    "taimi": (
        "Taimi",
        "Kuvitus: vihreä taimi nousee maasta kahden lehden kanssa.",
        "Illustration: en grön planta med två blad växer upp ur marken.",
    ),
    "verkosto": (
        "Verkosto",
        "Kuvitus: vaaleat pisteet yhdistyvät viivoilla verkostoksi vihreällä pohjalla.",
        "Illustration: ljusa punkter förenas med linjer till ett nätverk på grön botten.",
    ),
    "kartta": (
        "Paikkakunnat",
        "Kuvitus: paikkamerkkejä hajallaan vihreällä pinnalla kuin kartalla.",
        "Illustration: platsmarkeringar utspridda på en grön yta som på en karta.",
    ),
    "asiakirjat": (
        "Asiakirjat",
        "Kuvitus: pino asiakirjoja, joissa on tekstiriviä kuvaavat viivat.",
        "Illustration: en bunt dokument med linjer som föreställer textrader.",
    ),
    "pylvaat": (
        "Tilastot",
        "Kuvitus: nousevat pylväät kuvaavat tilastoa vihreällä pohjalla.",
        "Illustration: stigande staplar föreställer statistik på grön botten.",
    ),
    "kilpi": (
        "Tietoturva",
        "Kuvitus: kilpi, jonka keskellä on lukon muoto.",
        "Illustration: en sköld med ett hänglås i mitten.",
    ),
    "puhekuplat": (
        "Keskustelu",
        "Kuvitus: kaksi puhekuplaa keskustelun merkkinä.",
        "Illustration: två pratbubblor som symbol för samtal.",
    ),
    "kalenteri": (
        "Kalenteri",
        "Kuvitus: kalenteriruudukko, jossa yksi päivä on korostettu.",
        "Illustration: ett kalenderrutnät där en dag är markerad.",
    ),
    "maisema": (
        "Maisema",
        "Kuvitus: aaltoilevat vihreät kukkulat ja vaalea aurinko.",
        "Illustration: böljande gröna kullar och en ljus sol.",
    ),
    "rakennus": (
        "Virastotalo",
        "Kuvitus: virastotalon julkisivu ikkunariveineen.",
        "Illustration: fasaden på ett ämbetshus med rader av fönster.",
    ),
    "kolikot": (
        "Maksatus",
        "Kuvitus: kolikkopinoja maksatuksen merkkinä.",
        "Illustration: myntstaplar som symbol för utbetalning.",
    ),
    "ihmiset": (
        "Henkilöstö",
        "Kuvitus: rivi yksinkertaisia ihmishahmoja eri sävyin.",
        "Illustration: en rad enkla människofigurer i olika nyanser.",
    ),
}

# Finnish and Swedish titles of each unit's head (demo.teams_data.TITLES[unit][0]), for quote attributions.
HEAD_TITLES_SV = {
    "henkilosto-ja-lakipalvelut": "personaldirektör",
    "asianhallinta-ja-virastopalvelut": "enhetschef",
    "maksatusyksikko": "utbetalningsdirektör",
    "talouspalvelut": "ekonomidirektör",
    "tietohallinto-ja-viestinta": "IT-direktör",
    "toiminnan-kehittaminen": "utvecklingsdirektör",
    "johdon-tukiyksikko": "direktör",
    "siviilipalveluskeskus": "direktör",
}

# Finnish inessive and genitive of the ELY/TE seats (demo.teams_data.REGIONS), for regional texts.
TOWN_FORMS = {
    "helsinki": ("Helsingissä", "Helsingin"),
    "turku": ("Turussa", "Turun"),
    "pori": ("Porissa", "Porin"),
    "hameenlinna": ("Hämeenlinnassa", "Hämeenlinnan"),
    "tampere": ("Tampereella", "Tampereen"),
    "kouvola": ("Kouvolassa", "Kouvolan"),
    "mikkeli": ("Mikkelissä", "Mikkelin"),
    "kuopio": ("Kuopiossa", "Kuopion"),
    "joensuu": ("Joensuussa", "Joensuun"),
    "jyvaskyla": ("Jyväskylässä", "Jyväskylän"),
    "seinajoki": ("Seinäjoella", "Seinäjoen"),
    "vaasa": ("Vaasassa", "Vaasan"),
    "oulu": ("Oulussa", "Oulun"),
    "kajaani": ("Kajaanissa", "Kajaanin"),
    "rovaniemi": ("Rovaniemellä", "Rovaniemen"),
}
