"""Onboarding paths: the reader ticks steps off; a supervisor sees the progress of direct reports."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from instructions import onboarding
from instructions.models import OnboardingPath, OnboardingProgress, OnboardingStep
from tests.factories import PersonFactory, UserFactory
from tests.instructions.conftest import make_instruction


@pytest.fixture
def path(library):
    path = OnboardingPath.objects.create(
        slug="uuden-tyontekijan-perehdytys", name_fi="Uuden työntekijän perehdytys"
    )
    steps = []
    for number, audience in enumerate([[], [], ["keha"]]):
        page = make_instruction(library, title=f"Vaihe {number + 1}", audience=audience)
        steps.append(OnboardingStep.objects.create(path=path, instruction=page, sort_order=number))
    path.all_steps = steps
    return path


@pytest.mark.django_db
class TestOnboarding:
    def test_reader_ticks_steps_and_sees_progress(self, client, library, path):
        reader = library.readers["keha"]
        client.force_login(reader)
        url = reverse("instructions:onboarding_path", args=[path.slug])
        assert 'max="3" value="0"' in client.get(url).content.decode()
        step = path.all_steps[0]
        response = client.post(
            reverse("instructions:onboarding_step", args=[step.pk]), {"done": "1", "next": url}
        )
        assert response.status_code == 302 and response["Location"] == url
        assert OnboardingProgress.objects.filter(user=reader, step=step).exists()
        progress = onboarding.paths_for(user=reader, slug=path.slug)[0]
        assert (progress.done, progress.total) == (1, 3)
        assert progress.next_step["step"] == path.all_steps[1]
        client.post(reverse("instructions:onboarding_step", args=[step.pk]), {"done": "0"})
        assert not OnboardingProgress.objects.filter(user=reader, step=step).exists()

    def test_steps_outside_the_audience_are_left_out_and_refused(self, client, library, path):
        reader = library.readers["municipal_pilot"]
        client.force_login(reader)
        progress = onboarding.paths_for(user=reader, slug=path.slug)[0]
        assert progress.total == 2
        html = client.get(reverse("instructions:onboarding_path", args=[path.slug])).content.decode()
        assert "Vaihe 3" not in html
        response = client.post(
            reverse("instructions:onboarding_step", args=[path.all_steps[2].pk]), {"done": "1"}
        )
        assert response.status_code == 404
        assert not OnboardingProgress.objects.exists()

    def test_supervisor_sees_direct_reports_only(self, client, library, path):
        boss = library.readers["keha"]
        report = UserFactory(username="alainen", first_name="Anna", last_name="Alainen")
        PersonFactory(user=report, agency=library.agencies["keha"], manager=boss.person)
        stranger = UserFactory(username="vieras", first_name="Ville", last_name="Vieras")
        PersonFactory(user=stranger, agency=library.agencies["keha"])
        onboarding.set_done(user=report, step_id=path.all_steps[0].pk, done=True)
        onboarding.set_done(user=report, step_id=path.all_steps[1].pk, done=True)
        client.force_login(boss)
        assert (
            reverse("instructions:onboarding_reports")
            in client.get(reverse("instructions:onboarding")).content.decode()
        )
        html = client.get(reverse("instructions:onboarding_reports")).content.decode()
        assert "Anna Alainen" in html and "2/3" in html and "Ville Vieras" not in html
        client.force_login(report)  # nobody reports to her: an empty view, nobody else's figures
        html = client.get(reverse("instructions:onboarding_reports")).content.decode()
        assert "progress-table" not in html and "2/3" not in html

    def test_the_person_and_the_supervisor_see_the_same_figures(
        self, client, library, django_assert_max_num_queries
    ):
        """One count for both views: before, the person saw 1/1 while her supervisor saw 2/5 (all live steps)."""
        path = OnboardingPath.objects.create(
            slug="kuntakokeilun-perehdytys", name_fi="Kuntakokeilun perehdytys"
        )
        steps = [
            OnboardingStep.objects.create(
                path=path,
                sort_order=number,
                instruction=make_instruction(library, title=f"Askel {number + 1}", audience=audience),
            )
            for number, audience in enumerate([[], ["ely"], ["keha"], [], ["te"]])
        ]
        boss = library.readers["keha"]
        report = UserFactory(username="kuntalainen", first_name="Kaisa", last_name="Kuntalainen")
        PersonFactory(user=report, agency=library.agencies["municipal_pilot"], manager=boss.person)
        for step in (steps[0], steps[3]):
            assert onboarding.set_done(user=report, step_id=step.pk, done=True)
        # The fourth step's instruction has expired since she ticked it: it no longer counts, for anyone.
        type(steps[3].instruction).objects.filter(pk=steps[3].instruction.pk).update(
            valid_until=timezone.localdate() - datetime.timedelta(days=1)
        )

        client.force_login(report)
        own = client.get(reverse("instructions:onboarding_path", args=[path.slug])).content.decode()
        assert 'max="1" value="1"' in own
        client.force_login(boss)
        with django_assert_max_num_queries(20):
            table = client.get(reverse("instructions:onboarding_reports")).content.decode()
        assert "Kaisa Kuntalainen" in table and "1/1" in table and "/5" not in table and "2/" not in table
        mine = onboarding.paths_for(user=report, slug=path.slug)[0]
        theirs = onboarding.direct_reports_progress(user=boss)["reports"][0]["cells"]
        theirs = next(cell for cell in theirs if cell.path == path)
        assert (mine.done, mine.total) == (theirs.done, theirs.total) == (1, 1)

    def test_unknown_path_is_404(self, client, library):
        client.force_login(library.readers["keha"])
        assert client.get(reverse("instructions:onboarding_path", args=["ei-ole"])).status_code == 404
