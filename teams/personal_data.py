"""What the organisation directory holds about a person (core.personal_data, docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import DELETE, Declaration, register

DIRECTORY = _("Staff directory: who works where and how to reach them")
EMPLOYMENT = _("Employment (public duties, GDPR 6(1)(e))")
UNTIL_ERASED = _("While employed; removed after leaving (PRIVACY_ERASE_AFTER_DAYS)")


def _photos(*, user):
    from teams.models import Person

    for person in Person.objects.filter(user=user):
        yield person.photo
        yield person.photo_thumbnail


def register_all() -> None:
    register(
        Declaration(
            model="teams.Person",
            person_fields=("user",),
            purpose=DIRECTORY,
            legal_basis=EMPLOYMENT,
            retention=UNTIL_ERASED,
            retention_setting="PRIVACY_ERASE_AFTER_DAYS",
            erase=DELETE,
            files=_photos,
            extra={"other_people": ("manager",)},
        ),
        Declaration(
            model="teams.TeamMembership",
            person_fields=("person",),
            purpose=DIRECTORY,
            legal_basis=EMPLOYMENT,
            retention=UNTIL_ERASED,
            retention_setting="PRIVACY_ERASE_AFTER_DAYS",
        ),
        Declaration(
            model="teams.TaggedExpertise",
            person_fields=("content_object",),
            purpose=DIRECTORY,
            legal_basis=EMPLOYMENT,
            retention=UNTIL_ERASED,
            retention_setting="PRIVACY_ERASE_AFTER_DAYS",
        ),
    )
