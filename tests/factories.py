"""factory_boy factories for the organisation; every test builds the data it needs."""

import factory
from django.contrib.auth import get_user_model

from teams.models import Agency, Location, Person, Team, TeamMembership, Unit

PASSWORD = "Testi-salasana-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Testi"
    last_name = factory.Sequence(lambda n: f"Henkilö{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@keha.example")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"agency-{n}")
    name_fi = factory.Sequence(lambda n: f"Virasto {n}")
    kind = Agency.Kind.ELY
    region = "pohjanmaa"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"unit-{n}")
    name_fi = factory.Sequence(lambda n: f"Yksikkö {n}")
    name_sv = factory.Sequence(lambda n: f"Enhet {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")
    agency = factory.SubFactory(AgencyFactory, kind=Agency.Kind.KEHA)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"town-{n}")
    name_fi = factory.Sequence(lambda n: f"Kaupunki {n}")
    region = "pohjanmaa"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"team-{n}")
    name = factory.Sequence(lambda n: f"Tiimi {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    title = "Asiantuntija"
    agency = factory.SubFactory(AgencyFactory)
    home_location = factory.SubFactory(LocationFactory)

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create and extracted:
            self.expertise.add(*extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    team = factory.SubFactory(TeamFactory)
    person = factory.SubFactory(PersonFactory)
    role = TeamMembership.Role.MEMBER
