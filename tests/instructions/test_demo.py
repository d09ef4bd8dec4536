"""The demo library: about 500 instructions, a tenth in Swedish, owners in the right units, reviews due."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from instructions import access
from instructions.models import (
    ChangeLogEntry,
    Feedback,
    InstructionPage,
    OnboardingPath,
    OnboardingProgress,
)


@pytest.fixture
def demo(demo_loaded, db):
    return demo_loaded


@pytest.mark.django_db
class TestDemoLibrary:
    def test_size_languages_and_kinds(self, demo):
        finnish = InstructionPage.objects.filter(locale__language_code="fi")
        swedish = InstructionPage.objects.filter(locale__language_code="sv")
        assert 450 <= finnish.count() <= 550
        assert 0.07 <= swedish.count() / finnish.count() <= 0.13
        assert set(finnish.values_list("kind", flat=True)) == {
            "work_instruction",
            "onboarding",
            "administrative",
            "form",
            "course",
        }
        assert finnish.values("topic").distinct().count() >= 14

    def test_inflected_domain_terms_in_the_text(self, demo):
        text = " ".join(
            page.body_text() + " " + page.title
            for page in InstructionPage.objects.filter(locale__language_code="fi").only("title", "body")[:500]
        )
        for term in [
            "palkkatuen",
            "työnhakija",
            "maksatuspäätöksen",
            "matkalasku",
            "kulunvalvonnan",
            "työnhakijalle",
        ]:
            assert term in text.lower(), term

    def test_owners_in_the_right_units(self, demo):
        pages = InstructionPage.objects.filter(locale__language_code="fi")
        assert set(pages.filter(topic__slug="palkkatuki").values_list("owner_unit__slug", flat=True)) == {
            "maksatusyksikko"
        }
        assert set(pages.filter(topic__slug="matkustaminen").values_list("owner_unit__slug", flat=True)) == {
            "talouspalvelut"
        }
        with_contacts = pages.filter(contacts__isnull=False).distinct()
        assert with_contacts.count() == pages.count()
        assert (
            not pages.filter(contacts__isnull=False).exclude(contacts__unit=models_f("owner_unit")).exists()
        )

    def test_reviews_due_and_expired(self, demo):
        today = timezone.localdate()
        originals = access.originals()
        assert originals.filter(next_review_date__lt=today, valid_until__isnull=True).count() >= 20
        expired = originals.filter(valid_until__lt=today)
        assert expired.count() >= 8 and expired.filter(replacement__isnull=False).exists()

    def test_te_instructions_offered_equally_to_the_pilots(self, demo):
        te = InstructionPage.objects.filter(topic__slug="haastattelut", locale__language_code="fi")
        assert te.exists() and not te.exclude(audience_te=True, audience_municipal_pilot=True).exists()
        pilot = get_user_model().objects.get(username="kuntakokeilu")
        assert pilot.person.agency.kind == "municipal_pilot"
        visible = access.visible_instructions(user=pilot)
        assert visible.filter(topic__slug="haastattelut").exists()
        assert not visible.filter(topic__slug="kulunvalvonta").exists()

    def test_paths_change_log_and_feedback(self, demo):
        assert set(OnboardingPath.objects.values_list("name_fi", flat=True)) == {
            "Uuden työntekijän perehdytys",
            "Uuden esihenkilön perehdytys",
            "TE-Digi käyttöönotto",
        }
        assert all(path.steps.count() >= 4 for path in OnboardingPath.objects.all())
        assert OnboardingProgress.objects.filter(user__username="henkilo").exists()
        assert ChangeLogEntry.objects.filter(material=True).count() >= 20
        assert Feedback.objects.count() >= 50

    def test_pages_open_for_the_demo_logins(self, demo, client):
        User = get_user_model()
        page = access.originals().filter(for_everyone=True, valid_until__isnull=True).first()
        for username in ["henkilo", "kuntakokeilu", "ohjeet"]:
            client.force_login(User.objects.get(username=username))
            assert client.get("/ohjeet/").status_code == 200
            assert client.get(page.url).status_code == 200

    def test_second_run_creates_nothing(self, demo):
        before = (InstructionPage.objects.count(), ChangeLogEntry.objects.count(), Feedback.objects.count())
        out = io.StringIO()
        call_command("demo_data", "--no-logins", stdout=out)
        assert (
            InstructionPage.objects.count(),
            ChangeLogEntry.objects.count(),
            Feedback.objects.count(),
        ) == before


def models_f(name):
    from django.db.models import F

    return F(name)
