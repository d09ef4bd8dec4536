"""The demo-data snapshot (tests/snapshots.py) puts back exactly what was saved, and the process forgets
the ids it had cached for rows the restore replaced."""

import pytest
from django.contrib.contenttypes.models import ContentType

from core.locales import locale_id
from teams.models import Agency
from tests import snapshots


@pytest.mark.django_db
def test_restore_forgets_content_type_ids_the_restored_rows_do_not_have():
    saved_id = ContentType.objects.get_for_model(Agency).pk
    snapshots.save("ctguard")
    # What a flush between transactional tests does: the content type goes and post_migrate (here
    # get_for_model) creates it again under a new id, which the manager caches.
    ContentType.objects.filter(pk=saved_id).delete()
    ContentType.objects.clear_cache()
    new_id = ContentType.objects.get_for_model(Agency).pk
    assert new_id != saved_id

    snapshots.restore("ctguard")

    assert ContentType.objects.filter(pk=saved_id, model="agency").exists()
    assert ContentType.objects.get_for_model(Agency).pk == saved_id


@pytest.mark.django_db
def test_restore_forgets_cached_locale_ids():
    from wagtail.models import Locale

    saved_id = locale_id("fi")
    snapshots.save("localeguard")
    Locale.objects.filter(pk=saved_id).update(language_code="xx")
    Locale.objects.create(language_code="fi")
    fresh = locale_id("fi")  # a cached id of the new row (update() sent no signal)
    assert fresh not in (None, saved_id)

    snapshots.restore("localeguard")

    assert locale_id("fi") == saved_id


@pytest.mark.django_db
@pytest.mark.parametrize("post_migrate", [False, True], ids=["serialized-rollback flush", "plain flush"])
def test_a_database_a_transactional_test_left_empty_is_put_back_as_migrations_left_it(request, post_migrate):
    from django.core.management import call_command
    from wagtail.models import Site

    from instructions.models import InstructionLibraryPage
    from tests.conftest import database_back_to_migrations

    # What a transactional test's flush leaves behind: empty tables; a serialized-rollback test's flush
    # does not run post_migrate (no content types), a plain one does (content types and groups, no pages).
    call_command("flush", interactive=False, inhibit_post_migrate=not post_migrate, verbosity=0)
    assert not Site.objects.exists()

    database_back_to_migrations(request.config)

    assert ContentType.objects.filter(app_label="teams", model="agency").exists()
    assert Site.objects.filter(is_default_site=True).exists()
    assert InstructionLibraryPage.objects.filter(locale__language_code="fi").exists()
