"""Demo strategy process (KEHA2024, seed 003): five stages, four closed with results and answers, one open.

Idempotent: nothing is created when the strategy map exists. Votes come from a few hundred demo people
in three opinion groups, so the open statement round's opinion map has real groups.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

ELEMENTS = [
    # kind, key, parent key, Finnish title, Swedish title, Finnish text
    (
        "mission",
        "toiminta-ajatus",
        "",
        "Toiminta-ajatus",
        "Verksamhetsidé",
        "KEHA-keskus tuottaa valtakunnalliset kehittämis- ja hallintopalvelut ELY-keskuksille, kunnille ja "
        "asiakkaille.\n\nTuemme uudistuvia palveluja: TE-palvelut siirtyvät kuntiin vuoden 2025 alussa, ja "
        "keskitetyt neuvontapalvelut tuovat meille uuden roolin.\n\nKunnat ovat tärkeä kumppanimme.",
    ),
    (
        "vision",
        "visio",
        "",
        "Visio 2030",
        "Vision 2030",
        "Olemme luotettava ja rohkea kumppani, jonka palvelut toimivat kaikkialla Suomessa.\n\n"
        "Monipaikkainen työ on vahvuutemme.",
    ),
    ("value", "avoimuus", "", "Avoimuus", "Öppenhet", "Kerromme valmistelusta ja päätöksistä ajoissa."),
    (
        "value",
        "luotettavuus",
        "",
        "Luotettavuus",
        "Tillförlitlighet",
        "Palvelumme toimivat ja tieto on oikein.",
    ),
    ("value", "rohkeus", "", "Rohkeus", "Mod", "Kokeilemme ja opimme yhdessä."),
    ("value", "yhteistyo", "", "Yhteistyö", "Samarbete", "Teemme työtä yli yksikkörajojen."),
    (
        "goal",
        "sujuvat-palvelut",
        "",
        "Sujuvat digitaaliset palvelut",
        "Smidiga digitala tjänster",
        "Asiointi ja maksatus toimivat sähköisesti alusta loppuun.",
    ),
    (
        "goal",
        "kuntakumppanuus",
        "",
        "Vahva kuntakumppanuus",
        "Starkt kommunpartnerskap",
        "Kunnat saavat tarvitsemansa tuen TE-uudistuksessa.",
    ),
    (
        "goal",
        "hyva-tyoyhteiso",
        "",
        "Hyvinvoiva monipaikkainen työyhteisö",
        "En välmående arbetsgemenskap",
        "Henkilöstöbarometri yli 3,6.",
    ),
    (
        "action",
        "maksatus-digi",
        "sujuvat-palvelut",
        "Maksatuksen sähköistäminen",
        "Digitala utbetalningar",
        "Maksatuspäätösten käsittelyaika alle 30 päivää.",
    ),
    (
        "action",
        "asiointi-uudistus",
        "sujuvat-palvelut",
        "Palkkatuen e-palvelu",
        "E-tjänst för lönesubvention",
        "Palkkatuen sähköinen haku otetaan käyttöön.",
    ),
    (
        "action",
        "kuntatuki",
        "kuntakumppanuus",
        "Kuntien tukipalvelumalli",
        "Stödmodell för kommuner",
        "Kunnille tarjotaan yhteiset työohjeet ja perehdytys.",
    ),
    (
        "action",
        "esihenkilofoorumi",
        "hyva-tyoyhteiso",
        "Esihenkilöfoorumi osallistaa",
        "Chefsforum",
        "Webinaarit esihenkilöille osallistavasta johtamisesta.",
    ),
    (
        "factor",
        "osaaminen",
        "kuntatuki",
        "Osaava henkilöstö",
        "Kunnig personal",
        "Osaaminen kehittyy työn mukana.",
    ),
    (
        "factor",
        "tiedonkulku",
        "esihenkilofoorumi",
        "Toimiva tiedonkulku",
        "Fungerande informationsflöde",
        "Tieto kulkee yksiköiden välillä.",
    ),
    (
        "factor",
        "johtaminen",
        "maksatus-digi",
        "Tulosperusteinen johtaminen",
        "Resultatbaserat ledarskap",
        "Johdamme tuloksia, emme paikkaa.",
    ),
]

STAGES = [
    (1, "toiminta-ajatus-ja-visio", "Toiminta-ajatus ja visio", "Verksamhetsidé och vision"),
    (2, "arvot", "Arvot", "Värderingar"),
    (3, "strategiset-tavoitteet", "Strategiset tavoitteet", "Strategiska mål"),
    (4, "toimenpiteet", "Toimenpiteet tavoitteille", "Åtgärder för målen"),
    (5, "menestystekijat", "Kriittiset menestystekijät", "Kritiska framgångsfaktorer"),
]

STATEMENTS = [
    "Etätyö on tuottavinta työtä.",
    "Toimistopäiviä pitäisi olla enemmän.",
    "Kunnat ovat tärkein kumppanimme.",
    "Maksatuksen automaatio on tärkein kehityskohde.",
    "Tiedonkulku yksiköiden välillä on hyvä.",
    "Esihenkilöt tarvitsevat lisää tukea muutokseen.",
    "Henkilöstön osaaminen on menestyksemme perusta.",
    "Tekoäly kuuluu asiakaspalveluun.",
    "Yhteiset kehittämispäivät ovat tarpeellisia.",
    "Strategia on liian kaukana arjesta.",
    "Asiakastyytyväisyys on paras mittari.",
    "Monipaikkaisuus vahvistaa työyhteisöä.",
]
# Three opinion groups: each statement's leaning (+1 agree, -1 disagree) per group.
LEANINGS = [
    [1, -1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1],
    [-1, 1, 1, -1, -1, 1, 1, -1, 1, -1, 1, -1],
    [1, -1, 1, 1, 1, 1, 1, 1, -1, 1, 1, 1],
]


def _link_news_and_events(actions) -> None:
    """Each strategy action links where it is worked on and told about (its page's "News and events"): a
    development day or webinar of the demo events, in turn, and one of the newest national articles."""
    from events.models import EventPage
    from news.models import NewsArticlePage

    events = list(
        EventPage.objects.live()
        .filter(locale__language_code="fi", kind__slug__in=["kehittamispaiva", "webinaari"])
        .order_by("start")[:6]
    )
    articles = list(
        NewsArticlePage.objects.live()
        .filter(locale__language_code="fi", for_everyone=True)
        .order_by("-first_published_at")[: len(actions)]
    )
    for number, action in enumerate(actions):
        pages = [events[number % len(events)]] if events else []
        pages += articles[number : number + 1]
        action.related_pages.add(*pages)


def load_strategy() -> int:
    """Create the demo strategy process; returns the number of votes created (0 when already loaded)."""
    from strategy import draft, opinion
    from strategy.models import (
        Comment,
        Element,
        Poll,
        PollAnswer,
        PollParticipation,
        Proposal,
        Round,
        Statement,
        StatementParticipation,
        StatementVote,
        Support,
    )
    from strategy.roles import LEADERSHIP, MODERATORS, STRATEGY_TEAM

    if Element.objects.exists():
        return 0
    rng = random.Random(2024)
    User = get_user_model()
    people = list(User.objects.filter(person__isnull=False).order_by("pk"))
    team = User.objects.filter(username="viestinta").first() or people[0]
    leader = User.objects.filter(username="paakayttaja").first() or people[1]
    team.groups.add(Group.objects.get(name=STRATEGY_TEAM), Group.objects.get(name=MODERATORS))
    leader.groups.add(Group.objects.get(name=LEADERSHIP))
    from teams.models import Unit

    units = list(Unit.objects.order_by("pk"))
    elements = {}
    today = timezone.localdate()
    for order, (kind, key, parent, title_fi, title_sv, body) in enumerate(ELEMENTS):
        extra = {}
        if kind == "action":
            extra = {
                "owner_unit": units[order % len(units)] if units else None,
                "responsible": people[order % len(people)],
                "review_date": today + datetime.timedelta(days=10 * order),
                "status": Element.Status.ON_TRACK,
            }
        elements[key] = Element.objects.create(
            kind=kind,
            key=key,
            parent=elements.get(parent),
            order=order,
            title_fi=title_fi,
            title_sv=title_sv,
            body_fi=body,
            **extra,
        )
    _link_news_and_events([element for element in elements.values() if element.kind == "action"])
    now = timezone.now()
    rounds = []
    for stage, slug, title_fi, title_sv in STAGES:
        closed = stage < 5
        opens = now - datetime.timedelta(days=30 * (6 - stage))
        rounds.append(
            Round.objects.create(
                stage=stage,
                slug=slug,
                title_fi=title_fi,
                title_sv=title_sv,
                intro_fi=f"Vaihe {stage}/5 KEHA2024-strategiatyössä.",
                intro_sv=f"Steg {stage}/5 i KEHA2024-strategiarbetet.",
                opens_at=opens,
                closes_at=opens + datetime.timedelta(days=21)
                if closed
                else now + datetime.timedelta(days=14),
                anonymous=stage in (2, 5),
                # The open statement round shows its opinion map live (Pol.is style); the others hide results until close.
                results_hidden=stage != 5,
                comments=True,
                proposals=stage in (3, 4),
                statements=stage == 5,
            )
        )
    versions = 0
    for round in rounds[:4]:
        versions += 1
        draft.publish_version(
            user=team,
            change_note_fi=f"Kierroksen {round.title_fi} tulokset mukaan.",
            change_note_sv=f"Resultaten från omgången {round.title_sv}.",
            round=round,
        )
    created = 0
    # Demo people, not the demo logins: those come to an open round with nothing answered yet.
    from demo.teams_data import DEMO_LOGINS

    logins = {login[0] for login in DEMO_LOGINS}
    voters = [person for person in people if person.username not in logins][:300]
    # Closed rounds: a poll each, with results, and proposals with leadership answers.
    for round in rounds[:4]:
        poll = Poll.objects.create(
            round=round,
            kind="single",
            question_fi="Kuvaako luonnos KEHA-keskusta hyvin?",
            question_sv="Beskriver utkastet KEHA-centret väl?",
            options_fi="Hyvin\nOsittain\nHuonosti",
            options_sv="Väl\nDelvis\nDåligt",
        )
        sample = rng.sample(voters, 120)
        PollParticipation.objects.bulk_create(
            [PollParticipation(poll=poll, user=u, day=round.opens_at.date()) for u in sample]
        )
        PollAnswer.objects.bulk_create(
            [
                PollAnswer(poll=poll, choice=rng.choice([0, 0, 1, 1, 2]), user=None if round.anonymous else u)
                for u in sample
            ]
        )
        created += len(sample)
        if round.proposals:
            for n, (title, answer, text) in enumerate(
                [
                    ("Kuntien yhteinen tukipiste", "taken_in", "Otettu toimenpiteeksi."),
                    ("Nelipäiväinen työviikko", "not_taken_in", "Ei kuulu strategian tavoitteisiin."),
                    ("Tekoälykokeilu maksatukseen", "to_be_studied", ""),
                ]
            ):
                proposal = Proposal.objects.create(
                    round=round,
                    author=voters[n],
                    title=title,
                    text=f"{title}: perustelut.",
                    answer=answer,
                    answer_text=text,
                    answered_by=leader,
                    answered_at=round.closes_at,
                )
                supporters = rng.sample(voters, 20 + 10 * n)
                Support.objects.bulk_create([Support(proposal=proposal, user=u) for u in supporters])
                Proposal.objects.filter(pk=proposal.pk).update(supporters_count=len(supporters))
    # The open round: anchored comments, a poll and a statement round.
    open_round = rounds[4]
    for anchor, text in [
        ("toiminta-ajatus-p2", "Neuvontapalvelujen rooli pitäisi kertoa tarkemmin."),
        ("toiminta-ajatus-p3", "Kunnat mainitaan, entä ELY-keskukset?"),
        ("visio-p2", "Monipaikkaisuus on totta, mutta tarvitsemme myös yhteisiä päiviä."),
        ("osaaminen", "Perehdytys on osaamisen perusta."),
    ]:
        Comment.objects.create(round=open_round, anchor=anchor, text=text, version_number=versions)
    poll = Poll.objects.create(
        round=open_round,
        kind="multiple",
        question_fi="Mitkä menestystekijät ovat tärkeimmät?",
        question_sv="Vilka framgångsfaktorer är viktigast?",
        options_fi="Osaava henkilöstö\nToimiva tiedonkulku\nTulosperusteinen johtaminen",
        options_sv="Kunnig personal\nFungerande informationsflöde\nResultatbaserat ledarskap",
    )
    Poll.objects.create(
        round=open_round,
        kind="scale",
        question_fi="Kuinka hyvin tunnet strategian?",
        question_sv="Hur väl känner du strategin?",
        scale_max=5,
        order=1,
    )
    sample = rng.sample(voters, 90)
    PollParticipation.objects.bulk_create([PollParticipation(poll=poll, user=u, day=today) for u in sample])
    PollAnswer.objects.bulk_create(
        [PollAnswer(poll=poll, choice=c) for u in sample for c in rng.sample([0, 1, 2], rng.randint(1, 2))]
    )
    statements = [
        Statement.objects.create(round=open_round, text=text, state=Statement.State.APPROVED)
        for text in STATEMENTS
    ]
    Statement.objects.create(round=open_round, text="Lisää kahvihuoneita Vaasaan.")  # waits for moderation
    participations, votes = [], []
    for n, user in enumerate(voters):
        leaning = LEANINGS[n % 3]
        token = f"demo-{rng.getrandbits(64):016x}"
        for statement, lean in zip(statements, leaning):
            if rng.random() < 0.15:
                continue
            choice = lean if rng.random() > 0.12 else rng.choice([-1, 0, 1])
            participations.append(StatementParticipation(statement=statement, user=user, day=today))
            votes.append(StatementVote(statement=statement, voter=token, choice=choice))
    rng.shuffle(votes)
    StatementParticipation.objects.bulk_create(participations, batch_size=1000)
    StatementVote.objects.bulk_create(votes, batch_size=1000)
    from demo.strategy_polls import add_ranking_and_dot_polls

    created += add_ranking_and_dot_polls(
        closed_round=rounds[1], open_round=open_round, voters=voters, rng=rng, today=today
    )
    opinion.refresh(round=open_round)
    return created + len(votes)
