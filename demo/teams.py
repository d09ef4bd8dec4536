"""Loads the demo organisation: agencies, units, 34 locations, ~30 teams and 550 people.

Idempotent: everything is keyed by slug or username, and existing rows are
left as they are, so a second run creates nothing and changes nothing. The
people are generated from a fixed random seed, so every machine gets the same
organisation.
"""

import random
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from demo import teams_data as data
from teams.models import Agency, ExpertiseTag, Location, Person, TaggedExpertise, Team, TeamMembership, Unit

# Fixed seed: the same 550 people on every machine and every run.
SEED = 2015
EMAIL_DOMAIN = "keha.example"
# Bulk inserts in chunks of 100 keep SQLite's variable limit and memory low
# while still being ~50x faster than one INSERT per person.
CHUNK = 100

Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


@dataclass
class PersonSpec:
    username: str
    first_name: str
    last_name: str
    agency_slug: str
    unit_slug: str | None
    location_slug: str
    title: str
    languages: list[str]
    expertise: list[str]
    phone: str
    teams: list[str] = field(default_factory=list)
    role: str = "staff"
    is_unit_head: bool = False


def ascii_slug(text: str) -> str:
    normalized = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in normalized if c.isascii() and (c.isalnum() or c in ".-"))


@dataclass
class Result:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, kind: str, count: int = 1) -> None:
        self.created[kind] += count


def load_agencies(result: Result) -> dict[str, Agency]:
    specs = [
        dict(
            slug="keha-keskus",
            short_name="KEHA-keskus",
            kind=Agency.Kind.KEHA,
            region="national",
            name_fi="ELY-keskusten ja TE-toimistojen kehittämis- ja hallintokeskus",
            name_sv="Utvecklings- och förvaltningscentret för NTM-centralerna och arbets- och näringsbyråerna",
            name_en="Development and Administration Centre (KEHA Centre)",
        ),
    ]
    for region, genitive, swedish, english, _seat in data.REGIONS:
        specs.append(
            dict(
                slug=f"ely-{region}",
                short_name=f"{genitive} ELY",
                kind=Agency.Kind.ELY,
                region=region,
                name_fi=f"{genitive} ELY-keskus",
                name_sv=f"NTM-centralen i {swedish}",
                name_en=f"{english} ELY Centre",
            )
        )
    for region, genitive, swedish, english, _seat in data.REGIONS:
        specs.append(
            dict(
                slug=f"te-{region}",
                short_name=f"{genitive} TE",
                kind=Agency.Kind.TE,
                region=region,
                name_fi=f"{genitive} TE-toimisto",
                name_sv=f"TE-byrån i {swedish}",
                name_en=f"{english} TE Office",
            )
        )
    for slug, fi, sv, en, region in data.MUNICIPAL_PILOTS:
        specs.append(
            dict(
                slug=slug,
                short_name=fi.split(" työllisyyden")[0],
                kind=Agency.Kind.MUNICIPAL_PILOT,
                region=region,
                name_fi=fi,
                name_sv=sv,
                name_en=en,
            )
        )
    agencies = {}
    for spec in specs:
        agency, created = Agency.objects.get_or_create(slug=spec.pop("slug"), defaults=spec)
        result.add("agencies", created)
        agencies[agency.slug] = agency
    return agencies


def load_units(result: Result, keha: Agency) -> dict[str, Unit]:
    units = {}
    for slug, fi, sv, en, _count in data.UNITS:
        unit, created = Unit.objects.get_or_create(
            slug=slug,
            defaults=dict(
                name_fi=fi, name_sv=sv, name_en=en, agency=keha, description=data.UNIT_DESCRIPTIONS[slug]
            ),
        )
        result.add("units", created)
        units[slug] = unit
    return units


def load_locations(result: Result) -> dict[str, Location]:
    locations = {}
    for slug, fi, sv, region, _weight, office, street, postal in data.LOCATIONS:
        location, created = Location.objects.get_or_create(
            slug=slug,
            defaults=dict(
                name_fi=fi,
                name_sv=sv,
                region=region,
                office_name=office,
                street_address=street,
                postal_code=postal,
            ),
        )
        result.add("locations", created)
        locations[slug] = location
    return locations


def generate_people() -> list[PersonSpec]:
    """The full, deterministic list of demo people (demo logins included)."""
    rng = random.Random(SEED)
    used: set[str] = set()
    location_slugs = [row[0] for row in data.LOCATIONS]
    location_weights = [row[4] for row in data.LOCATIONS]

    def username_for(first: str, last: str) -> str:
        base = ascii_slug(f"{first}.{last}")
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}{number}", number + 1
        used.add(candidate)
        return candidate

    def random_person(
        agency_slug: str,
        unit_slug: str | None,
        titles: list[str],
        expertise: list[str],
        location_slug: str | None = None,
    ) -> PersonSpec:
        swedish = rng.random() < 0.12
        female = rng.random() < 0.55
        if swedish:
            first = rng.choice(data.SWEDISH_FIRST_NAMES_F if female else data.SWEDISH_FIRST_NAMES_M)
            last = rng.choice(data.SWEDISH_LAST_NAMES)
            languages = ["sv", "fi", "en"]
        else:
            first = rng.choice(data.FINNISH_FIRST_NAMES_F if female else data.FINNISH_FIRST_NAMES_M)
            last = rng.choice(data.FINNISH_LAST_NAMES)
            languages = ["fi", "en"] + (["sv"] if rng.random() < 0.35 else [])
        if rng.random() < 0.08:
            languages.append(rng.choice(["de", "ru", "et", "se"]))
        return PersonSpec(
            username=username_for(first, last),
            first_name=first,
            last_name=last,
            agency_slug=agency_slug,
            unit_slug=unit_slug,
            location_slug=location_slug or rng.choices(location_slugs, weights=location_weights)[0],
            title=rng.choice(titles),
            languages=languages,
            expertise=rng.sample(expertise, k=min(len(expertise), rng.randint(2, 4))),
            phone=f"+358 29 000 {rng.randint(1000, 9999)}",
        )

    people: list[PersonSpec] = []
    demo_by_unit = defaultdict(list)
    for username, first, last, role, agency_slug, unit_slug, location_slug, title, teams in data.DEMO_LOGINS:
        used.add(username)
        spec = PersonSpec(
            username=username,
            first_name=first,
            last_name=last,
            agency_slug=agency_slug,
            unit_slug=unit_slug,
            location_slug=location_slug,
            title=title,
            languages=["fi", "sv", "en"],
            expertise=data.EXPERTISE.get(unit_slug or "", ["sisäinen viestintä"])[:2]
            or ["alueellinen viestintä"],
            phone=f"+358 29 000 {1000 + len(people)}",
            teams=list(teams),
            role=role,
        )
        if unit_slug is None:
            spec.expertise = ["alueellinen viestintä", "sisäinen viestintä"]
        people.append(spec)
        demo_by_unit[unit_slug].append(spec)

    for slug, _fi, _sv, _en, count in data.UNITS:
        titles = data.TITLES[slug]
        head = random_person("keha-keskus", slug, titles[:1], data.EXPERTISE[slug])
        head.is_unit_head = True
        people.append(head)
        for _ in range(count - 1 - len(demo_by_unit[slug])):
            people.append(random_person("keha-keskus", slug, titles[2:], data.EXPERTISE[slug]))

    # ELY centres first, then TE offices: when the demo logins outside KEHA leave fewer
    # random people than agencies, the last TE offices go without (every ELY centre,
    # and every agency with a demo supplement, keeps someone).
    client_agencies = [f"{kind}-{row[0]}" for kind in ("ely", "te") for row in data.REGIONS]
    seats = {f"{kind}-{row[0]}": row[4] for row in data.REGIONS for kind in ("ely", "te")}
    client_titles = [
        "Viestintäasiantuntija",
        "Viestintäsuunnittelija",
        "Asiantuntija",
        "Tietopalveluasiantuntija",
    ]
    for index in range(data.CLIENT_AGENCY_PEOPLE - len(demo_by_unit[None])):
        agency_slug = client_agencies[index % len(client_agencies)]
        people.append(
            random_person(
                agency_slug,
                None,
                client_titles,
                ["alueellinen viestintä", "asiakaspalvelu", "viestintä"],
                location_slug=seats[agency_slug],
            )
        )
    assert len(people) == data.TOTAL_PEOPLE, len(people)
    return people


def load_people(
    result: Result, specs: list[PersonSpec], agencies, units, locations, progress: Progress
) -> None:
    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[s.username for s in specs]).values_list("username", flat=True)
    )
    missing = [s for s in specs if s.username not in existing]
    # One hash for every demo person: hashing 550 passwords would take minutes.
    password = make_password(data.DEMO_PASSWORD)
    total = len(specs)
    done = total - len(missing)
    progress("people", done, total)
    for start in range(0, len(missing), CHUNK):
        chunk = missing[start : start + CHUNK]
        users = User.objects.bulk_create(
            [
                User(
                    username=s.username,
                    first_name=s.first_name,
                    last_name=s.last_name,
                    email=f"{s.username}@{EMAIL_DOMAIN}",
                    password=password,
                )
                for s in chunk
            ]
        )
        users_by_name = {u.username: u for u in User.objects.filter(username__in=[s.username for s in chunk])}
        Person.objects.bulk_create(
            [
                Person(
                    user=users_by_name[s.username],
                    title=s.title,
                    agency=agencies[s.agency_slug],
                    unit=units.get(s.unit_slug),
                    home_location=locations[s.location_slug],
                    phone=s.phone,
                    languages=s.languages,
                )
                for s in chunk
            ]
        )
        result.add("people", len(users))
        done += len(chunk)
        progress("people", done, total)
    _load_expertise(missing)


def _load_expertise(specs: list[PersonSpec]) -> None:
    if not specs:
        return
    names = sorted({name for s in specs for name in s.expertise})
    tags = {tag.name: tag for tag in ExpertiseTag.objects.filter(name__in=names)}
    for name in names:
        if name not in tags:
            tags[name] = ExpertiseTag.objects.create(name=name)
    person_ids = dict(
        Person.objects.filter(user__username__in=[s.username for s in specs]).values_list(
            "user__username", "pk"
        )
    )
    TaggedExpertise.objects.bulk_create(
        [
            TaggedExpertise(tag=tags[name], content_object_id=person_ids[s.username])
            for s in specs
            for name in s.expertise
        ],
        batch_size=CHUNK * 5,
    )


def plan_memberships(specs: list[PersonSpec]) -> tuple[dict[str, list[tuple[str, str]]], dict[str, str]]:
    """Who is in which team with which role, and who reports to whom (pure; no database).

    Unit heads form the management team under the director; each unit's people
    are spread over its work teams (the first one placed in a team leads it);
    team leads report to the unit head and members to their lead; managers form
    the supervisors' forum; networks draw from KEHA and the client agencies.
    """
    rng = random.Random(SEED + 1)
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)  # team slug -> [(username, role)]
    manager_of: dict[str, str] = {}

    heads = {s.unit_slug: s.username for s in specs if s.is_unit_head}
    director = heads["johdon-tukiyksikko"]
    for head in heads.values():
        members["johtoryhma"].append((head, "lead" if head == director else "member"))
        if head != director:
            manager_of[head] = director

    for unit_slug in heads:
        # Work teams of the unit: not the management team, not parents of other teams.
        unit_teams = [
            slug
            for slug, _n, u, _p, _d in data.TEAMS
            if u == unit_slug and slug != "johtoryhma" and not any(row[3] == slug for row in data.TEAMS)
        ]
        unit_people = [s for s in specs if s.unit_slug == unit_slug and not s.is_unit_head]
        pinned = [s for s in unit_people if s.teams]
        rest = [s for s in unit_people if not s.teams]
        for spec in pinned:
            for team_slug in spec.teams:
                members[team_slug].append((spec.username, "member"))
        for index, spec in enumerate(rest):
            team_slug = unit_teams[index % len(unit_teams)] if unit_teams else None
            if team_slug is None:
                manager_of[spec.username] = heads[unit_slug]
                continue
            role = "lead" if index < len(unit_teams) else "member"
            members[team_slug].append((spec.username, role))
        for team_slug in unit_teams:
            lead = next((u for u, r in members[team_slug] if r == "lead"), None)
            for username, role in members[team_slug]:
                manager_of.setdefault(username, lead if role == "member" and lead else heads[unit_slug])
        for slug, _n, u, parent_slug, _d in data.TEAMS:
            if u == unit_slug and parent_slug:
                lead = next((u2 for u2, r in members[slug] if r == "lead"), None)
                if lead:
                    members[parent_slug].append((lead, "member"))
        for parent in {row[3] for row in data.TEAMS if row[2] == unit_slug and row[3]}:
            members[parent].append((heads[unit_slug], "lead"))

    for spec in specs:
        if spec.unit_slug is None:
            for team_slug in spec.teams:
                members[team_slug].append((spec.username, "member"))
    managers = sorted(set(manager_of.values()))
    members["esihenkilofoorumi"] = [(u, "lead" if u == director else "member") for u in managers]
    keha_people = [s.username for s in specs if s.agency_slug == "keha-keskus"]
    client_people = [s.username for s in specs if s.agency_slug != "keha-keskus"]
    for slug, size in [
        ("asiakkuuspaallikkoverkosto", 14),
        ("ilmastoverkosto", 18),
        ("monialaisen-tyon-verkosto", 16),
    ]:
        chosen = rng.sample(keha_people, size) + rng.sample(client_people, 4)
        members[slug] += [(u, "lead" if i == 0 else "member") for i, u in enumerate(chosen)]
    vaasa = [s.username for s in specs if s.location_slug == "vaasa"]
    members["vaasan-virastotalo-kahvihuone"] += [(u, "member") for u in vaasa]
    return members, manager_of


def load_teams(result: Result, specs: list[PersonSpec], units, progress: Progress) -> None:
    """Teams, members (unit people spread over their unit's teams) and managers."""
    teams = {}
    for slug, name, unit_slug, parent_slug, description in data.TEAMS:
        team, created = Team.objects.get_or_create(
            slug=slug,
            defaults=dict(
                name=name, unit=units.get(unit_slug), parent=teams.get(parent_slug), description=description
            ),
        )
        result.add("teams", created)
        teams[slug] = team
    people = {
        p.user.username: p
        for p in Person.objects.select_related("user").filter(user__username__in=[s.username for s in specs])
    }
    members, manager_of = plan_memberships(specs)

    existing = set(TeamMembership.objects.values_list("team_id", "person_id"))
    new_memberships, seen = [], set()
    for team_slug, rows in members.items():
        team = teams[team_slug]
        for username, role in rows:
            key = (team.pk, people[username].pk)
            if key in existing or key in seen:
                continue
            seen.add(key)
            new_memberships.append(TeamMembership(team=team, person=people[username], role=role))
    TeamMembership.objects.bulk_create(new_memberships, batch_size=CHUNK * 5)
    result.add("memberships", len(new_memberships))
    progress("teams", len(teams), len(teams))

    to_update = []
    for username, manager_username in manager_of.items():
        person = people[username]
        if person.manager_id is None and manager_username and manager_username != username:
            person.manager = people[manager_username]
            to_update.append(person)
    Person.objects.bulk_update(to_update, ["manager"], batch_size=CHUNK * 5)
    result.add("managers", len(to_update))


@transaction.atomic
def load_organisation(*, progress: Progress = _quiet) -> Result:
    result = Result()
    agencies = load_agencies(result)
    progress("agencies", len(agencies), len(agencies))
    units = load_units(result, agencies["keha-keskus"])
    progress("units", len(units), len(units))
    locations = load_locations(result)
    progress("locations", len(locations), len(locations))
    specs = generate_people()
    load_people(result, specs, agencies, units, locations, progress)
    load_teams(result, specs, units, progress)
    return result
