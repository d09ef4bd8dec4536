"""``search_reindex --if-empty`` (scripts/start.sh's first run) on the embedded engine."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.engines import get_engine


@pytest.fixture
def embedded_site(settings, tmp_path):
    from search.engines import _embedded

    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_EMBEDDED_DIR = str(tmp_path / "index")
    _embedded.cache_clear()
    yield
    _embedded.cache_clear()


@pytest.mark.django_db
def test_first_run_builds_with_progress_then_leaves_the_index_alone(embedded_site, org):
    engine = get_engine()
    assert engine.name == "embedded" and engine.current_index() is None
    out = StringIO()
    call_command("search_reindex", "--if-empty", stdout=out)
    built = engine.current_index()
    assert built is not None
    assert "100 %" in out.getvalue()
    assert engine.count() > 0  # the organisation's people, teams and locations
    out = StringIO()
    call_command("search_reindex", "--if-empty", stdout=out)
    assert engine.current_index() == built
    assert "Search index ready" in out.getvalue()


@pytest.mark.django_db
def test_no_elasticsearch_url_means_the_embedded_engine_under_var_dir(settings, tmp_path):
    from search.engines import _embedded

    settings.ELASTICSEARCH_URL = ""
    del settings.SEARCH_EMBEDDED_DIR  # the production default
    settings.VAR_DIR = tmp_path
    _embedded.cache_clear()
    try:
        engine = get_engine()
        assert engine.name == "embedded"
        assert engine.store.root == tmp_path / "search" / "embedded"
    finally:
        _embedded.cache_clear()
