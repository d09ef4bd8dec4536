"""One builder per kind of personal data in the registry (core.personal_data).

``build(label, me, other)`` writes one row of the kind that belongs to ``me`` and one that belongs to
``other`` (a row ``other`` wrote to ``me`` where the kind allows it) and returns their primary keys. The
export and erasure tests use them; a kind declared without a builder here fails those tests, so the tests
grow with the registry. Builders use the demo data's pages and rooms (``demo_loaded``).
"""

from __future__ import annotations

import datetime
import itertools

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.utils import timezone

_serial = itertools.count(1)


def _article():
    from news.models import NewsArticlePage

    return NewsArticlePage.objects.live().order_by("pk").first()


def _instruction():
    from instructions.models import InstructionPage

    return InstructionPage.objects.live().order_by("pk").first()


def _room(me, other):
    from chat.models import Membership, Room

    room = Room.objects.create(kind=Room.Kind.GROUP, name=f"Privacy room {next(_serial)}")
    for user in (me, other):
        Membership.objects.get_or_create(room=room, user=user)
    return room


def _message(room, author, body):
    from chat.models import Message

    room.last_seq += 1
    room.save(update_fields=["last_seq"])
    return Message.objects.create(room=room, seq=room.last_seq, author=author, body=body)


def _pair(make):
    return make("me"), make("other")


BUILDERS = {}


def builder(label):
    def register(fn):
        BUILDERS[label] = fn
        return fn

    return register


def build(label, me, other):
    return BUILDERS[label](me, other)


# --- The account -----------------------------------------------------------------------------------


@builder("auth.User")
def _user(me, other):
    return me.pk, other.pk


@builder("auth.User_groups")
def _groups(me, other):
    from django.contrib.auth import get_user_model

    group, _ = Group.objects.get_or_create(name="Privacy test group")
    me.groups.add(group)
    other.groups.add(group)
    through = get_user_model().groups.through
    return (
        through.objects.get(user=me, group=group).pk,
        through.objects.get(user=other, group=group).pk,
    )


@builder("auth.User_user_permissions")
def _permissions(me, other):
    from django.contrib.auth import get_user_model

    permission = Permission.objects.get(codename="view_room")
    me.user_permissions.add(permission)
    other.user_permissions.add(permission)
    through = get_user_model().user_permissions.through
    return (
        through.objects.get(user=me, permission=permission).pk,
        through.objects.get(user=other, permission=permission).pk,
    )


@builder("sessions.Session")
def _sessions(me, other):
    keys = []
    for user in (me, other):
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store.create()
        keys.append(None)
    return tuple(keys)  # sessions are exported without their key (a secret): counted, not matched


@builder("sso.Identity")
def _identity(me, other):
    from sso.models import Identity

    return _pair_rows(
        lambda user, n: Identity.objects.create(user=user, tenant_id="t", object_id=f"oid-{n}"), me, other
    )


def _pair_rows(make, me, other):
    return make(me, next(_serial)).pk, make(other, next(_serial)).pk


# --- Organisation ----------------------------------------------------------------------------------


@builder("teams.Person")
def _person(me, other):
    return me.person.pk, other.person.pk


@builder("teams.TeamMembership")
def _membership(me, other):
    from teams.models import Team, TeamMembership

    team = Team.objects.order_by("pk").first()
    return _pair_rows(
        lambda user, n: TeamMembership.objects.get_or_create(team=team, person=user.person)[0], me, other
    )


@builder("teams.TaggedExpertise")
def _expertise(me, other):
    from teams.models import TaggedExpertise

    me.person.expertise.add("tietosuoja-me")
    other.person.expertise.add("tietosuoja-other")
    return (
        TaggedExpertise.objects.get(content_object=me.person, tag__name="tietosuoja-me").pk,
        TaggedExpertise.objects.get(content_object=other.person, tag__name="tietosuoja-other").pk,
    )


# --- Presence --------------------------------------------------------------------------------------


@builder("presence.PresenceSetting")
def _presence(me, other):
    from presence.models import PresenceSetting

    return _pair_rows(
        lambda user, n: PresenceSetting.objects.update_or_create(
            user=user, defaults={"custom_text": f"s{n}"}
        )[0],
        me,
        other,
    )


@builder("presence.WorkLocationPlan")
def _plan(me, other):
    from presence.models import WorkLocationPlan

    return _pair_rows(
        lambda user, n: WorkLocationPlan.objects.update_or_create(
            person=user.person, weekday=4, defaults={"kind": "remote"}
        )[0],
        me,
        other,
    )


@builder("presence.WorkLocationDay")
def _day(me, other):
    from presence.models import WorkLocationDay

    day = timezone.localdate() + datetime.timedelta(days=400)
    return _pair_rows(
        lambda user, n: WorkLocationDay.objects.update_or_create(
            person=user.person, date=day, defaults={"kind": "remote"}
        )[0],
        me,
        other,
    )


# --- News ------------------------------------------------------------------------------------------


@builder("news.Acknowledgement")
def _ack(me, other):
    from news.models import Acknowledgement

    article = _article()
    return _pair_rows(
        lambda user, n: Acknowledgement.objects.create(user=user, article=article, round=900 + n), me, other
    )


@builder("news.ArticleView")
def _view(me, other):
    from news.models import ArticleView

    return _pair_rows(lambda user, n: ArticleView.objects.create(user=user, article=_article()), me, other)


@builder("news.ArticleOpened")
def _opened(me, other):
    from news.models import ArticleOpened

    return _pair_rows(
        lambda user, n: ArticleOpened.objects.create(
            user=user, translation_key=f"00000000-0000-0000-0000-{n:012d}"
        ),
        me,
        other,
    )


@builder("news.FeedToken")
def _token(me, other):
    from news.models import FeedToken

    return _pair_rows(
        lambda user, n: FeedToken.objects.update_or_create(user=user, defaults={"token": f"privacy-{n}"})[0],
        me,
        other,
    )


@builder("news.Comment")
def _comment(me, other):
    from news.models import Comment

    return _pair_rows(
        lambda user, n: Comment.objects.create(article=_article(), author=user, text=f"comment {n}"),
        me,
        other,
    )


@builder("news.Reaction")
def _news_reaction(me, other):
    from news.models import Reaction

    return _pair_rows(
        lambda user, n: Reaction.objects.create(user=user, kind="like", article=_article()), me, other
    )


@builder("news.Mention")
def _news_mention(me, other):
    from news.models import Comment, Mention

    # other mentions me (my row: the mention of me); I mention other (other's row).
    mine = Comment.objects.create(article=_article(), author=other, text="@me")
    theirs = Comment.objects.create(article=_article(), author=me, text="@other")
    return Mention.objects.create(comment=mine, user=me).pk, Mention.objects.create(
        comment=theirs, user=other
    ).pk


@builder("news.RegionalSupplement")
def _supplement(me, other):
    from news.models import RegionalSupplement
    from teams.models import Agency

    agencies = list(Agency.objects.order_by("pk")[:2])
    article = _article()
    RegionalSupplement.objects.filter(article=article, agency__in=agencies).delete()
    return (
        RegionalSupplement.objects.create(
            article=article, agency=agencies[0], body="m", contact=me.person
        ).pk,
        RegionalSupplement.objects.create(
            article=article, agency=agencies[1], body="o", contact=other.person
        ).pk,
    )


# --- Instructions ----------------------------------------------------------------------------------


@builder("instructions.OnboardingProgress")
def _onboarding(me, other):
    from instructions.models import OnboardingProgress, OnboardingStep

    step = OnboardingStep.objects.order_by("pk").first()
    return _pair_rows(
        lambda user, n: OnboardingProgress.objects.get_or_create(
            user=user, step=step, defaults={"done_at": timezone.now()}
        )[0],
        me,
        other,
    )


@builder("instructions.InstructionVisit")
def _visit(me, other):
    from instructions.models import InstructionVisit

    page = _instruction()
    return _pair_rows(
        lambda user, n: InstructionVisit.objects.update_or_create(
            user=user, translation_key=page.translation_key, defaults={"last_visit_at": timezone.now()}
        )[0],
        me,
        other,
    )


@builder("instructions.Feedback")
def _feedback(me, other):
    from instructions.models import Feedback

    page = _instruction()
    return _pair_rows(
        lambda user, n: Feedback.objects.create(
            page=page, translation_key=page.translation_key, revision_id=10**6 + n, user=user, helpful=True
        ),
        me,
        other,
    )


@builder("instructions.ErrorReport")
def _error_report(me, other):
    from instructions.models import ErrorReport

    page = _instruction()
    return _pair_rows(
        lambda user, n: ErrorReport.objects.create(
            page=page, translation_key=page.translation_key, user=user, text=f"error {n}"
        ),
        me,
        other,
    )


@builder("instructions.InstructionPage_contacts")
def _contacts(me, other):
    from instructions.models import InstructionPage

    page = _instruction()
    through = InstructionPage.contacts.through
    return _pair_rows(
        lambda user, n: through.objects.get_or_create(instructionpage=page, person=user.person)[0], me, other
    )


# --- Chat ------------------------------------------------------------------------------------------


@builder("chat.Room")
def _chat_room(me, other):
    from chat.models import Room

    return _pair_rows(
        lambda user, n: Room.objects.create(kind="group", name=f"r{n}", created_by=user), me, other
    )


@builder("chat.Membership")
def _chat_membership(me, other):
    from chat.models import Membership

    room = _room(me, other)
    return Membership.objects.get(room=room, user=me).pk, Membership.objects.get(room=room, user=other).pk


@builder("chat.Message")
def _chat_message(me, other):
    room = _room(me, other)
    return _message(room, me, "my message").pk, _message(room, other, "a message to me").pk


@builder("chat.Reaction")
def _chat_reaction(me, other):
    from chat.models import Reaction

    room = _room(me, other)
    message = _message(room, other, "react to this")
    return _pair_rows(
        lambda user, n: Reaction.objects.create(message=message, user=user, emoji="👍"), me, other
    )


@builder("chat.MessageMention")
def _chat_mention(me, other):
    from chat.models import MessageMention

    room = _room(me, other)
    to_me = _message(room, other, "@me")
    to_other = _message(room, me, "@other")
    return (
        MessageMention.objects.create(message=to_me, user=me).pk,
        MessageMention.objects.create(message=to_other, user=other).pk,
    )


@builder("chat.ArchivedMessage")
def _chat_archived(me, other):
    from chat.models import ArchivedMessage

    room = _room(me, other)
    return _pair_rows(
        lambda user, n: ArchivedMessage.objects.create(
            original_id=10**9 + n,
            room=room,
            seq=n,
            author=user,
            body=f"archived {n}",
            created_at=timezone.now(),
            reason="deleted",
        ),
        me,
        other,
    )


@builder("chat.Attachment")
def _chat_attachment(me, other):
    from chat.models import Attachment

    room = _room(me, other)

    def make(user, n):
        attachment = Attachment(
            room=room,
            uploaded_by=user,
            kind="file",
            original_name=f"f{n}.txt",
            content_type="text/plain",
            size=5,
        )
        attachment.stored_extension = ".txt"
        attachment.file.save(f"f{n}.txt", ContentFile(f"file {n}".encode()), save=False)
        attachment.save()
        return attachment

    return _pair_rows(make, me, other)


# --- Notifications, audit trail, privacy -----------------------------------------------------------


@builder("realtime.Notification")
def _notification(me, other):
    from realtime.models import Notification

    return _pair_rows(
        lambda user, n: Notification.objects.create(recipient=user, key=f"privacy-{n}", title="t"), me, other
    )


@builder("core.AuditEvent")
def _audit(me, other):
    from core import audit

    return _pair_rows(lambda user, n: audit.record(actor=user, action="test", target="x"), me, other)


@builder("privacy.DataExport")
def _data_export(me, other):
    from privacy.models import DataExport

    return _pair_rows(lambda user, n: DataExport.objects.create(subject=user, status="expired"), me, other)


@builder("privacy.ComplianceExport")
def _compliance_export(me, other):
    from privacy.models import ComplianceExport

    day = datetime.date(2026, 1, 1)
    return _pair_rows(
        lambda user, n: ComplianceExport.objects.create(
            requested_by=user, since=day, until=day, keyword=f"k{n}", status="expired"
        ),
        me,
        other,
    )


@builder("privacy.AccessibilityFeedback")
def _a11y_feedback(me, other):
    from privacy.models import AccessibilityFeedback

    return _pair_rows(
        lambda user, n: AccessibilityFeedback.objects.create(sender=user, message=f"hard to read {n}"),
        me,
        other,
    )


@builder("privacy.Departure")
def _departure(me, other):
    from privacy.models import Departure

    return _pair_rows(lambda user, n: Departure.objects.get_or_create(user=user)[0], me, other)


# --- Wagtail ---------------------------------------------------------------------------------------


@builder("wagtailusers.UserProfile")
def _profile(me, other):
    from wagtail.users.models import UserProfile

    return _pair_rows(lambda user, n: UserProfile.get_for_user(user), me, other)


@builder("wagtailcore.PageSubscription")
def _subscription(me, other):
    from wagtail.models import PageSubscription

    page = _article()
    return _pair_rows(
        lambda user, n: PageSubscription.objects.get_or_create(
            page=page, user=user, defaults={"comment_notifications": True}
        )[0],
        me,
        other,
    )


@builder("wagtailcore.Comment")
def _page_comment(me, other):
    from wagtail.models import Comment

    page = _article()
    return _pair_rows(
        lambda user, n: Comment.objects.create(page=page, user=user, text=f"c{n}", contentpath="title"),
        me,
        other,
    )


@builder("wagtailcore.CommentReply")
def _page_reply(me, other):
    from wagtail.models import Comment, CommentReply

    comment = Comment.objects.create(page=_article(), user=other, text="thread", contentpath="title")
    return _pair_rows(
        lambda user, n: CommentReply.objects.create(comment=comment, user=user, text=f"r{n}"), me, other
    )


def _content_type():
    return ContentType.objects.get_for_model(Group)


@builder("wagtailadmin.EditingSession")
def _editing(me, other):
    from wagtail.admin.models import EditingSession

    return _pair_rows(
        lambda user, n: EditingSession.objects.create(
            user=user, content_type=_content_type(), object_id=str(n), last_seen_at=timezone.now()
        ),
        me,
        other,
    )


@builder("wagtailadmin.FormState")
def _form_state(me, other):
    from django.apps import apps

    FormState = apps.get_model("wagtailadmin", "FormState")
    return _pair_rows(
        lambda user, n: FormState.objects.create(
            user=user,
            content_type=_content_type(),
            object_id=str(n),
            parent_object_id="",
            data="{}",
            last_updated_at=timezone.now(),
        ),
        me,
        other,
    )


@builder("wagtailcore.APIToken")
def _api_token(me, other):
    from django.apps import apps

    APIToken = apps.get_model("wagtailcore", "APIToken")
    return _pair_rows(
        lambda user, n: APIToken.objects.create(user=user, name=f"t{n}", key_hash=f"h{n}", prefix=f"p{n}"),
        me,
        other,
    )


@builder("wagtailcore.UploadedFile")
def _uploaded(me, other):
    from wagtail.models import UploadedFile

    return _pair_rows(
        lambda user, n: UploadedFile.objects.create(file=f"uploads/{n}.txt", uploaded_by_user=user), me, other
    )


@builder("wagtailimages.Image")
def _image(me, other):
    from wagtail.images.models import Image

    image = Image.objects.order_by("pk")[:2]
    first, second = list(image)
    Image.objects.filter(pk=first.pk).update(uploaded_by_user=me)
    Image.objects.filter(pk=second.pk).update(uploaded_by_user=other)
    return first.pk, second.pk


@builder("wagtaildocs.Document")
def _document(me, other):
    from wagtail.documents.models import Document

    return _pair_rows(
        lambda user, n: Document.objects.create(
            title=f"d{n}", file=f"documents/{n}.pdf", uploaded_by_user=user
        ),
        me,
        other,
    )


# The builders of the newer apps live beside this module; importing them registers them.
from tests.privacy import kinds_events, kinds_strategy  # noqa: E402, F401
