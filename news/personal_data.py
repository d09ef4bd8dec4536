"""What news holds about a person (core.personal_data, docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import ANONYMISE, DELETE, Declaration, register

EMPLOYMENT = _("Employment (public duties, GDPR 6(1)(e))")
UNTIL_ERASED = _("While employed; removed after leaving (PRIVACY_ERASE_AFTER_DAYS)")


def _comments(*, user):
    from news.models import Comment

    fields = ["id", "article_id", "parent_id", "text", "created_at", "edited_at", "deleted_at", "hidden_at"]
    return Comment.objects.filter(author=user).order_by("pk").values(*fields)


def register_all() -> None:
    reading = _("Must-read follow-up and the personal news feed")
    engagement = _("Comments, reactions and mentions on news")

    def simple(model, purpose, erase=DELETE):
        return Declaration(
            model=model,
            person_fields=("user",),
            purpose=purpose,
            legal_basis=EMPLOYMENT,
            retention=UNTIL_ERASED,
            retention_setting="PRIVACY_ERASE_AFTER_DAYS",
            erase=erase,
        )

    register(
        simple("news.Acknowledgement", reading),
        simple("news.ArticleView", reading),
        simple("news.ArticleOpened", reading),
        simple("news.FeedToken", reading),
        simple("news.Reaction", engagement),
        simple("news.Mention", engagement),
        Declaration(
            model="news.Comment",
            person_fields=("author",),
            purpose=engagement,
            legal_basis=EMPLOYMENT,
            retention=_("With the article; the writer becomes “former employee” after leaving"),
            erase=ANONYMISE,
            export=_comments,
            extra={"other_people": ("hidden_by",)},
        ),
        Declaration(
            model="news.RegionalSupplement",
            person_fields=("contact", "created_by"),
            purpose=_("Contact person and author of a regional supplement"),
            legal_basis=EMPLOYMENT,
            retention=_("With the article; the link to the person goes after leaving"),
            erase=ANONYMISE,
        ),
    )
