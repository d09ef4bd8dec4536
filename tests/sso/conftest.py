import pytest
from django.contrib.auth.models import Group

from intranet import roles
from sso.models import GroupMapping
from tests.factories import AgencyFactory, PersonFactory, UserFactory
from tests.sso.fixtures import GROUP_IDS, PILOT_TENANT, idp, sso_on  # noqa: F401 - fixtures


@pytest.fixture
def mapping(org):
    """The provider's groups mapped onto the small organisation of tests/conftest.py."""
    pilot = AgencyFactory(slug="kuntakokeilu-vaasa", name_fi="Vaasan seudun työllisyyden kuntakokeilu",
                          kind="municipal_pilot", region="pohjanmaa")
    rows = [
        dict(group_id=GROUP_IDS["KEHA-henkilosto"], description="KEHA-henkilosto", agency=org.keha),
        dict(group_id=GROUP_IDS["KEHA-Maksatusyksikko"], description="KEHA-Maksatusyksikko", unit=org.payments),
        dict(group_id=GROUP_IDS["KEHA-Tietohallinto-ja-viestinta"], description="KEHA-Tivi", unit=org.ict),
        dict(group_id=GROUP_IDS["Tiimi-Maksatus-palkkatuki"], description="Tiimi-Maksatus-palkkatuki",
             team=org.payroll_team),
        dict(group_id=GROUP_IDS["Taimi-Viestinta"], description="Taimi-Viestinta",
             role=Group.objects.get(name=roles.COMMUNICATION)),
        dict(group_id=GROUP_IDS["Taimi-Paakayttajat"], description="Taimi-Paakayttajat",
             role=Group.objects.get(name=roles.ADMINISTRATORS)),
        dict(group_id=GROUP_IDS["Kuntakokeilu-Vaasa-henkilosto"], description="Kuntakokeilu Vaasa",
             tenant_id=PILOT_TENANT, agency=pilot),
    ]
    for row in rows:
        GroupMapping.objects.create(**row)
    org.pilot = pilot
    return org


@pytest.fixture
def liisa(mapping):
    """An existing person (from before SSO) whose e-mail is the provider's `henkilo`'s."""
    user = UserFactory(username="l.makela", email="Henkilo@keha.example", first_name="Liisa", last_name="M")
    PersonFactory(user=user, agency=mapping.ely, title="Vanha nimike")
    return user
