"""The personal data of the parts Taimi takes from Django and Wagtail (core.personal_data, docs/privacy.md).

The user account itself, its groups (roles) and sessions are declared here; Wagtail's records of editing
(revisions, log entries, workflow states, page owners) are not personal data in the registry's sense: they
are the records of who edited official content, kept with the content.
"""

from django.utils.translation import gettext_lazy as _

from core.personal_data import (
    ANONYMISE,
    DELETE,
    EMPLOYMENT,
    UNTIL_ERASED,
    Declaration,
    not_personal,
    register,
    user_rows,
)

EDITING_RECORD = "who edited official content and when: the record of editing, kept with the content"


def _account(*, user):
    from django.contrib.auth import get_user_model

    fields = ["id", "username", "first_name", "last_name", "email", "is_active", "date_joined", "last_login"]
    return get_user_model().objects.filter(pk=user.pk).values(*fields)


def _scrub_account(*, user):
    """The account stays (records keep pointing at it) with nothing left that names the person."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .update(
            username=f"former-{user.pk}",
            first_name="",
            last_name="",
            email="",
            password="!",
            is_active=False,
            is_staff=False,
            is_superuser=False,
        )
    )


def _sessions(*, user):
    return [{"expire_date": session.expire_date} for session in _user_sessions(user)]


def _user_sessions(user):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            yield session


def _end_sessions(*, user):
    count = 0
    for session in list(_user_sessions(user)):
        session.delete()
        count += 1
    return count


def register_all() -> None:
    register(
        Declaration(
            model="auth.User",
            person_fields=("id",),
            purpose=_("The user account: name, e-mail, sign-in times"),
            legal_basis=EMPLOYMENT,
            retention=UNTIL_ERASED,
            retention_setting="PRIVACY_ERASE_AFTER_DAYS",
            erase=ANONYMISE,
            export=_account,
            anonymise=_scrub_account,
        ),
        user_rows("auth.User_groups", _("Roles (groups) that give a person their rights")),
        user_rows("auth.User_user_permissions", _("Rights given to a person one by one")),
        Declaration(
            model="sessions.Session",
            person_fields=(),
            purpose=_("Signed-in sessions (when each ends)"),
            legal_basis=EMPLOYMENT,
            retention=_("Until the session ends (two weeks at most)"),
            export=_sessions,
            anonymise=_end_sessions,
            erase=ANONYMISE,
        ),
        user_rows("wagtailusers.UserProfile", _("Editor preferences (language, time zone, notifications)")),
        user_rows("wagtailcore.PageSubscription", _("Editors' subscriptions to comments on pages")),
        Declaration(
            model="wagtailcore.Comment",
            person_fields=("user",),
            purpose=_("Editors' comments on page drafts"),
            legal_basis=EMPLOYMENT,
            retention=_("With the page; the writer becomes “former employee” after leaving"),
            erase=ANONYMISE,
            extra={"other_people": ("resolved_by",)},
        ),
        Declaration(
            model="wagtailcore.CommentReply",
            person_fields=("user",),
            purpose=_("Editors' comments on page drafts"),
            legal_basis=EMPLOYMENT,
            retention=_("With the page; the writer becomes “former employee” after leaving"),
            erase=ANONYMISE,
        ),
        *[
            Declaration(
                model=model,
                person_fields=("user",),
                purpose=_("Editing in progress (unsaved form, who else is editing)"),
                legal_basis=EMPLOYMENT,
                retention=_("Until the edit ends"),
                erase=DELETE,
            )
            for model in ("wagtailadmin.EditingSession", "wagtailadmin.FormState")
        ],
        user_rows("wagtailcore.APIToken", _("A person's API tokens")),
        Declaration(
            model="wagtailcore.UploadedFile",
            person_fields=("uploaded_by_user",),
            purpose=_("Files being uploaded in the editor"),
            legal_basis=EMPLOYMENT,
            retention=_("Until the upload is finished"),
        ),
        *[
            Declaration(
                model=model,
                person_fields=("uploaded_by_user",),
                purpose=_("Who uploaded an image or document in the editor"),
                legal_basis=EMPLOYMENT,
                retention=_("With the image or document; the link to the person goes after leaving"),
                erase=ANONYMISE,
            )
            for model in ("wagtailimages.Image", "wagtaildocs.Document")
        ],
    )
    for model in (
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtailcore.PageLogEntry",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.WorkflowState",
        "wagtailcore.TaskState",
    ):
        not_personal(model, reason=EDITING_RECORD)
