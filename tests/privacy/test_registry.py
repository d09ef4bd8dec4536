"""Every model with a link to a user or a person is in the personal-data registry (core.personal_data).

A new app that stores a row pointing at a person fails here until it declares it (what to export, how to
erase it, its retention) or lists it with ``not_personal`` and a reason.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

from core.personal_data import DECLARATIONS, NOT_PERSONAL, model_of


def person_links():
    """(model label, field name) for each local FK, one-to-one or many-to-many to a user or a person."""
    person = apps.get_model("teams", "Person")
    targets = {get_user_model(), person}
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if (
                field.concrete
                and field.is_relation
                and field.model is model
                and field.related_model in targets
                and not field.auto_created  # the parent link of a page type
            ):
                yield model._meta.label, field


def test_every_link_to_a_person_is_declared():
    undeclared = []
    for label, field in person_links():
        if label in NOT_PERSONAL:
            continue
        if field.many_to_many:  # the rows are in its table, walked as a model of its own
            through = field.remote_field.through
            if through._meta.label not in DECLARATIONS:
                undeclared.append(f"{label}.{field.name}: its table {through._meta.label} is not declared")
            continue
        declaration = DECLARATIONS.get(label)
        if declaration is None:
            undeclared.append(f"{label} (no declaration)")
            continue
        covered = set(declaration.person_fields) | set(declaration.extra.get("other_people", ()))
        if field.name not in covered:
            undeclared.append(f"{label}.{field.name} (neither a person field nor other_people)")
    assert not undeclared, "Declare in <app>/personal_data.py (core.personal_data): " + ", ".join(undeclared)


def test_declarations_name_real_models_fields_and_settings():
    for label, declaration in DECLARATIONS.items():
        model = model_of(declaration)
        assert model._meta.label == label
        for path in (*declaration.person_fields, *declaration.extra.get("other_people", ())):
            model._meta.get_field(path.split("__")[0])
        if declaration.retention_setting:
            assert hasattr(settings, declaration.retention_setting), label
        assert declaration.purpose and declaration.legal_basis and declaration.retention, label
    for label, reason in NOT_PERSONAL.items():
        apps.get_model(label)
        assert reason


def test_the_walk_finds_the_links_it_must_check():
    """The walk itself: it sees chat messages' authors and the person behind a work location."""
    found = {(label, field.name) for label, field in person_links()}
    assert ("chat.Message", "author") in found
    assert ("presence.WorkLocationDay", "person") in found
    assert ("auth.User_groups", "user") in found
