"""Demo chat history: three weeks of conversation in team, location and network rooms and a few direct messages
(Finnish and Swedish), with reactions, replies, an edit, mentions and unread state for the demo logins.

Deterministic (a fixed random seed) and idempotent: nothing is added once any message exists. Messages are
bulk-inserted with their sequence numbers and back-dated timestamps; each room's ``last_seq`` is set to match.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone

from chat import rooms
from chat.models import Membership, Message, MessageEdit, MessageMention, Reaction, Room

DAYS = 21
SEED = 2026

TEAM_LINES = [
    "Huomenta! Onko kaikilla pääsy uuteen maksatusjärjestelmän versioon?",
    "Minulla toimii, mutta hakemusnäkymä latautuu hitaasti.",
    "Palaveri siirtyy klo 13:een, linkki on kalenterissa.",
    "Kävin läpi eilisen erän: 42 hakemusta valmiina, 3 odottaa lisäselvitystä.",
    "Kiitos kaikille, tämä viikko oli kova mutta selvittiin 💪",
    "Muistutus: perjantaina koulutus palkkatuen muutoksista, Teams-linkki sähköpostissa.",
    "Onko jollain kokemusta, miten EU-tuen takaisinperintä kirjataan, kun hanke on jo päättynyt?",
    "Katso ohje täältä: https://taimi.keha.example/ohjeet/takaisinperinta/",
    "Lähetin luonnoksen kommenteille, katsotko @{name} ehtisitkö tänään?",
    "Olen huomenna etänä Seinäjoelta, soittakaa jos tarvitsette.",
    "Tein päivitetyn tarkistuslistan, löytyy tiimin kansiosta.",
    "Hyvää viikonloppua kaikille! ☀️",
    "Kahvit on keitetty kolmoskerroksessa ☕",
    "Asiakas kysyi käsittelyajoista, mitä vastaamme? Tällä hetkellä noin 3 viikkoa.",
    "Hyvä kysymys. Vastataan 2–4 viikkoa, riippuu liitteistä.",
    "Lomakkeen uusi versio on nyt julkaistu asiointipalvelussa.",
    "Huomasin virheen raportin summissa, korjaan iltapäivällä.",
    "Tämä on tärkeää: muistakaa tallentaa päätökset asianhallintaan samana päivänä.",
    "Kiitos vinkistä, toimi!",
    "Voisiko joku tuurata minua torstain asiakaspalveluvuorossa?",
    "Minä voin ottaa torstain.",
    "Ensi viikolla on tiimipäivä Tampereella, ilmoittautukaa keskiviikkoon mennessä.",
]
LOCATION_LINES = [
    "Neuvotteluhuone Kaisla on varattu koko päivän, käyttäkää Ruokoa.",
    "Tulostin toisessa kerroksessa jumittaa taas, tiketti tehty.",
    "Joku on unohtanut sateenvarjon aulaan ☂️",
    "Kiinteistöhuolto tulee huomenna tarkistamaan ilmastoinnin klo 9–11.",
    "Lounasseuraa? Lähden 11.15 kohti torin kulmaa.",
    "Parkkipaikan puomi on rikki, ajakaa sivuportista.",
    "Toimistolla on tänään hiljaista, puolet etänä.",
    "Kiitos kakusta, oli tosi hyvää! 🎂",
    "Palohälytysharjoitus torstaina klo 10, kokoontuminen pihalle.",
]
SWEDISH_LINES = [
    "God morgon! Är det någon som har tid att granska ansökan i dag?",
    "Mötet flyttas till klockan 14, länken finns i kalendern.",
    "Tack för hjälpen, det fungerade bra 👍",
    "Vi har fått nya anvisningar om lönesubventionen, se https://taimi.keha.example/ohjeet/",
    "Jag jobbar på distans från Vasa i morgon.",
    "Kaffet är klart i pausrummet ☕",
    "Kan någon ta min tur i kundtjänsten på fredag?",
    "Trevlig helg allihopa!",
]
NETWORK_LINES = [
    "Saavutettavuusauditoinnin tulokset on julkaistu, kolme kriittistä löydöstä.",
    "ELY-keskusten viestijät: yhteinen aamukahvi perjantaina klo 8.30 etänä.",
    "Miten teillä on ratkaistu kuvatekstien kääntäminen ruotsiksi?",
    "Meillä käännöspalvelu tekee ne, aikaa varataan viikko.",
    "Uusi saavutettavuusseloste-pohja löytyy intrasta.",
    "Kiitos kaikille eilisestä webinaarista, tallenne tulossa!",
    "Onko muilla ongelmia ruudunlukijan kanssa uudessa lomakkeessa?",
    "Kyllä, testasimme NVDA:lla: otsikkotasot hyppivät. Ilmoitin toimittajalle.",
]
DIRECT_LINES = [
    "Hei! Ehditkö vilkaista sitä päätösluonnosta?",
    "Joo, katson iltapäivällä.",
    "Kiitos! Ei kiirettä, perjantaihin mennessä riittää.",
    "Tehty, laitoin kommentit tiedostoon.",
    "Loistavaa, kiitos paljon 🙏",
    "Soitanko vai kirjoitanko tässä?",
]

NETWORKS = [
    ("Saavutettavuusverkosto", "Saavutettavuus ja selkokieli kaikissa virastoissa", NETWORK_LINES),
    ("Palkkatuen asiantuntijat", "Valtakunnallinen palkkatukiverkosto: ELY, TE ja KEHA", TEAM_LINES),
    ("Svenskspråkiga nätverket", "För alla som jobbar på svenska", SWEDISH_LINES),
]
REACTIONS = ["👍", "❤️", "😄", "🎉", "🙏", "👀"]


@dataclass
class Result:
    created: int = 0


def _times(rng, count, days=DAYS):
    """Back-dated, ordered timestamps on working days between 8 and 16 Helsinki time."""
    now = timezone.localtime()
    stamps = []
    while len(stamps) < count:
        day = now - datetime.timedelta(days=rng.randint(0, days))
        if day.weekday() >= 5:
            continue
        stamp = day.replace(hour=rng.randint(8, 15), minute=rng.randint(0, 59), second=rng.randint(0, 59))
        if stamp < now:
            stamps.append(stamp)
    return sorted(stamps)


def _fill(rng, room, authors, lines, count, mention_name="") -> list[Message]:
    seq = room.last_seq
    made = []
    for index, stamp in enumerate(_times(rng, count)):
        seq += 1
        # Direct conversations follow their lines in order; rooms pick at random.
        line = lines[index % len(lines)] if lines is DIRECT_LINES else rng.choice(lines)
        body = line.replace("{name}", mention_name or "kaikki")
        made.append(
            Message(
                room=room,
                seq=seq,
                author=rng.choice(authors),
                body=body,
                created_at=stamp,
                updated_at=stamp,
                client_id=f"demo-{room.pk}-{seq}",
            )
        )
    return made


def load_chat(*, progress=lambda *a: None) -> Result:
    result = Result()
    rooms.sync_all_rooms()
    if Message.objects.exists():
        return result
    User = get_user_model()
    rng = random.Random(SEED)
    logins = {
        u.username: u
        for u in User.objects.filter(
            username__in=["henkilo", "viestinta", "toimittaja", "ohjeet", "paakayttaja"]
        )
    }
    if not logins:
        return result
    plan = []  # (room, authors, lines, count, mention)
    for username, user in logins.items():
        for membership in Membership.objects.filter(user=user).select_related("room"):
            room = membership.room
            members = list(User.objects.filter(chat_memberships__room=room)[:40])
            if room.kind == Room.Kind.TEAM:
                plan.append((room, members, TEAM_LINES, 60, username))
            elif room.kind == Room.Kind.LOCATION:
                lines = LOCATION_LINES + (SWEDISH_LINES if room.location and room.location.name_sv else [])
                plan.append((room, members, lines, 40, username))
    everyone = list(User.objects.filter(is_active=True, person__isnull=False).order_by("pk"))
    for name, topic, lines in NETWORKS:
        owner = logins.get("viestinta") or everyone[0]
        room = rooms.create_room(
            user=owner,
            name=name,
            kind=Room.Kind.NETWORK,
            topic=topic,
            member_ids=[u.pk for u in rng.sample(everyone, min(60, len(everyone)))]
            + [u.pk for u in logins.values()],
        )
        plan.append((room, list(User.objects.filter(chat_memberships__room=room)), lines, 45, "henkilo"))
    henkilo = logins.get("henkilo")
    if henkilo is not None:
        for other in [logins.get("viestinta"), logins.get("toimittaja")] + rng.sample(everyone, 2):
            if other is not None and other.pk != henkilo.pk:
                room = rooms.direct_room(user=henkilo, other_id=other.pk)
                lines = SWEDISH_LINES if other.username == "toimittaja" else DIRECT_LINES
                plan.append((room, [henkilo, other], lines, 12, ""))
    seen = set()
    for index, (room, authors, lines, count, mention) in enumerate(plan):
        progress("chat", index, len(plan))
        if room.pk in seen or not authors:
            continue
        seen.add(room.pk)
        made = _fill(rng, room, authors, lines, count, mention)
        stamps = [m.created_at for m in made]  # bulk_create's auto_now_add overwrites them on the objects
        Message.objects.bulk_create(made, batch_size=500)
        for message, stamp in zip(made, stamps, strict=True):
            message.created_at = message.updated_at = stamp
        _backdate(made)
        Room.objects.filter(pk=room.pk).update(last_seq=made[-1].seq, last_message_at=made[-1].created_at)
        _decorate(rng, room, made, authors)
        result.created += len(made)
    progress("chat", len(plan), len(plan))
    _unread_state(rng, logins)
    return result


def _backdate(made):
    # auto_now_add/auto_now wrote "now": put the demo timestamps back.
    stored = {m.client_id: m for m in Message.objects.filter(client_id__in=[m.client_id for m in made])}
    for message in made:
        stored[message.client_id].created_at = message.created_at
        stored[message.client_id].updated_at = message.created_at
    Message.objects.bulk_update(list(stored.values()), ["created_at", "updated_at"], batch_size=500)
    for message in made:
        message.pk = stored[message.client_id].pk


def _decorate(rng, room, made, authors):
    """Reactions on a third, a reply now and then, one edit per room, mentions recorded (no notifications)."""
    reactions = []
    for message in made:
        if rng.random() < 0.33:
            for user in rng.sample(authors, min(len(authors), rng.randint(1, 4))):
                reactions.append(Reaction(message_id=message.pk, user=user, emoji=rng.choice(REACTIONS)))
    Reaction.objects.bulk_create(reactions, ignore_conflicts=True)
    for previous, message in zip(made, made[1:], strict=False):
        if rng.random() < 0.08:
            Message.objects.filter(pk=message.pk).update(reply_to=previous.pk)
    edited = rng.choice(made)
    MessageEdit.objects.create(message_id=edited.pk, body=edited.body.replace(".", "…", 1) + " (luonnos)")
    Message.objects.filter(pk=edited.pk).update(edited_at=edited.created_at + datetime.timedelta(minutes=3))
    from django.contrib.auth import get_user_model

    from core.text import mentioned_usernames

    users = {u.username.lower(): u.pk for u in get_user_model().objects.filter(chat_memberships__room=room)}
    mentions = [
        MessageMention(message_id=m.pk, user_id=users[name])
        for m in made
        for name in mentioned_usernames(m.body)
        if name in users
    ]
    MessageMention.objects.bulk_create(mentions, ignore_conflicts=True)


def _unread_state(rng, logins):
    """The demo logins have read most of it: a few unread messages in some rooms, none in others."""
    for user in logins.values():
        for membership in Membership.objects.filter(user=user).select_related("room"):
            last = membership.room.last_seq
            unread = rng.choice([0, 0, 1, 2, 3, 5])
            membership.last_read_seq = max(0, last - unread)
            membership.save(update_fields=["last_read_seq"])
    # Rooms without a demo login are read up to their end, so nobody else starts with a wall of unread.
    last = dict(Room.objects.values_list("pk", "last_seq"))
    for room_id, seq in last.items():
        Membership.objects.filter(room_id=room_id).exclude(user__in=list(logins.values())).update(
            last_read_seq=seq
        )
    return Message.objects.aggregate(Max("seq"))
