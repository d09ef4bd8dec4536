"""What news holds about a person (core.personal_data, docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import ANONYMISE, EMPLOYMENT, Declaration, register, user_rows


def _comments(*, user):
    from news.models import Comment

    fields = ["id", "article_id", "parent_id", "text", "created_at", "edited_at", "deleted_at", "hidden_at"]
    return Comment.objects.filter(author=user).order_by("pk").values(*fields)


def register_all() -> None:
    reading = _("Must-read follow-up and the personal news feed")
    engagement = _("Comments, reactions and mentions on news")

    register(
        user_rows("news.Acknowledgement", reading),
        user_rows("news.ArticleView", reading),
        user_rows("news.ArticleOpened", reading),
        user_rows("news.FeedToken", reading),
        user_rows("news.Reaction", engagement),
        user_rows("news.Mention", engagement),
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
