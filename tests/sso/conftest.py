from tests.sso.fixtures import idp, liisa, mapping, sso_on  # noqa: F401 - fixtures
