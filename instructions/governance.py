"""Owners, review dates and validity: reminders, "still valid" and the overdue report.

* **Reminders** (periodic job ``instructions.tasks.send_review_reminders``):
  the owners of an instruction, i.e. the members of "Ohjeiden omistajat" in its
  owner unit (its contact people when the unit has no owner), get an in-app
  notification and an e-mail when the review date is near (``SOON``) and when
  it has passed. Once per step per review date: the notification key
  ``instruction-review:<translation key>:<date>:<step>`` makes a retried job
  send nothing twice, and a new review date starts over.
* **Still valid**: an owner confirms in one step; the next review date moves
  ``review_interval_months`` ahead on the live version, its translations and the
  latest revision (so a later publication keeps it), and the action is logged.
* **Report**: overdue and soon-due reviews per owner unit (admin, with a chart).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from core import roles
from instructions import access
from instructions.models import InstructionPage

# The first reminder comes this long before the review date: two weeks is
# enough to read an instruction through and ask colleagues, and short enough
# that the reminder is not forgotten before the date.
SOON = datetime.timedelta(days=14)
STEP_SOON, STEP_OVERDUE = "soon", "overdue"


def review_step(*, page, today: datetime.date) -> str | None:
    if page.next_review_date is None:
        return None
    if page.next_review_date < today:
        return STEP_OVERDUE
    if page.next_review_date <= today + SOON:
        return STEP_SOON
    return None


def owners_of(*, page) -> list:
    """The people reminded about an instruction: its unit's instruction owners, else its contact people."""
    from teams.models import Person

    owners = list(
        Person.objects.filter(
            unit_id=page.owner_unit_id, user__is_active=True, user__groups__name=roles.INSTRUCTION_OWNERS
        )
        .select_related("user")
        .distinct()
    )
    if owners:
        return owners
    return list(page.contacts.filter(user__is_active=True).select_related("user"))


def _title(step: str, page) -> str:
    """The reminder's title in the active language."""
    messages = {
        STEP_SOON: gettext_noop("Review due %(date)s: %(title)s"),
        STEP_OVERDUE: gettext_noop("Review overdue since %(date)s: %(title)s"),
    }
    date = date_format(page.next_review_date, "SHORT_DATE_FORMAT")
    return _(messages[step]) % {"date": date, "title": page.title}


def _titles(step: str, page) -> tuple[str, str]:
    with override("fi"):
        finnish = _title(step, page)
    with override("sv"):
        swedish = _title(step, page)
    return finnish, swedish


def send_review_reminders(*, today: datetime.date | None = None) -> int:
    """Remind owners of instructions whose review is near or past; returns the people reminded now."""
    from realtime import actions
    from realtime.models import Notification

    today = today or timezone.localdate()
    due = access.originals().filter(access.valid_q(today=today), next_review_date__lte=today + SOON)
    reminded = 0
    for page in due.select_related("owner_unit"):
        step = review_step(page=page, today=today)
        if step is None:
            continue
        key = f"instruction-review:{page.translation_key}:{page.next_review_date.isoformat()}:{step}"
        title, title_sv = _titles(step, page)
        for person in owners_of(page=page):
            # The notification (unique per key and person) and the e-mail (core.mail.send_once, claimed
            # before it goes) are each written once: a retried job sends neither twice, and sends the
            # e-mail a failed run did not.
            created = actions.notify(
                user_ids=[person.user_id],
                key=key,
                kind=Notification.Kind.REMINDER,
                title=title,
                title_sv=title_sv,
                url=page.url or "",
            )
            if person.user.email:
                _email(person=person, page=page, step=step, key=f"{key}:{person.user_id}")
            reminded += created
    return reminded


def _email(*, person, page, step: str, key: str) -> None:
    from core.mail import send_once
    from teams.services import mail_language

    with override(mail_language(person.user)):
        subject = _title(step, page)
        body = _(
            "Please check that the instruction is still correct, then edit it or confirm it as still valid "
            "on its page:\n%(url)s"
        ) % {"url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (page.url or "/ohjeet/")}
        send_once(key=key, subject=subject, message=body, recipient_list=[person.user.email])


@transaction.atomic
def confirm_still_valid(*, user, page: InstructionPage) -> datetime.date:
    """Set the next review date one interval ahead, everywhere it is stored; returns the new date.

    The caller has checked ``page.permissions_for_user(user).can_edit()``.
    """
    from wagtail.log_actions import log

    original = access.originals().filter(translation_key=page.translation_key).first() or page
    new_date = original.next_review_after_confirmation()
    now = timezone.now()
    versions = InstructionPage.objects.filter(translation_key=original.translation_key)
    versions.update(next_review_date=new_date, last_reviewed_at=now)
    for version in versions.select_related("latest_revision", "live_revision"):
        for revision in {version.latest_revision, version.live_revision} - {None}:
            revision.content["next_review_date"] = new_date.isoformat()
            revision.content["last_reviewed_at"] = now.isoformat()
            revision.save(update_fields=["content"])
    log(
        instance=original,
        action="instructions.confirm_valid",
        user=user,
        data={"next_review_date": new_date.isoformat()},
    )
    return new_date


# --- The overdue report ----------------------------------------------------------------


@dataclass
class UnitRow:
    unit_id: int
    name: str
    overdue: int
    soon: int
    total: int


def review_report(*, user, today: datetime.date | None = None) -> dict:
    """Overdue and soon-due reviews per owner unit, and the overdue instructions (two queries).

    Owners see their own unit; administrators every unit.
    """
    from instructions.permissions import editable_unit_ids
    from teams.models import Unit

    today = today or timezone.localdate()
    pages = access.originals().filter(access.valid_q(today=today))
    units = editable_unit_ids(user)
    if units is not None:
        pages = pages.filter(owner_unit_id__in=units)
    counts = {
        row["owner_unit_id"]: row
        for row in pages.values("owner_unit_id")
        .annotate(
            overdue=Count("pk", filter=Q(next_review_date__lt=today)),
            soon=Count("pk", filter=Q(next_review_date__gte=today, next_review_date__lte=today + SOON)),
            total=Count("pk"),
        )
        .order_by()
    }
    unit_rows = Unit.objects.filter(pk__in=counts).order_by("name_fi")
    rows = [
        UnitRow(
            unit_id=unit.pk,
            name=unit.name,
            overdue=counts[unit.pk]["overdue"],
            soon=counts[unit.pk]["soon"],
            total=counts[unit.pk]["total"],
        )
        for unit in unit_rows
    ]
    overdue = (
        pages.filter(next_review_date__lt=today)
        .select_related("owner_unit")
        .order_by("next_review_date", "title")
        .only(
            "id",
            "title",
            "url_path",
            "next_review_date",
            "owner_unit__name_fi",
            "owner_unit__name_sv",
            "owner_unit__name_en",
            "translation_key",
            "locale_id",
        )
    )
    return {
        "units": rows,
        "chart": chart(rows),
        "overdue": list(overdue),
        "today": today,
        "totals": {
            "overdue": sum(r.overdue for r in rows),
            "soon": sum(r.soon for r in rows),
            "total": sum(r.total for r in rows),
        },
    }


# Chart geometry (px in the SVG's own coordinates; it scales to the page width).
CHART_WIDTH, CHART_LABEL, CHART_ROW = 640, 230, 28


def chart(rows: list[UnitRow]) -> dict:
    """Horizontal stacked bars per unit: overdue, then due soon, then the rest (server-rendered SVG)."""
    bar = CHART_WIDTH - CHART_LABEL - 60
    most = max((row.total for row in rows), default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        overdue = round(bar * row.overdue / most)
        soon = round(bar * row.soon / most)
        rest = round(bar * (row.total - row.overdue - row.soon) / most)
        bars.append(
            {
                "row": row,
                "y": index * CHART_ROW,
                "overdue": overdue,
                "soon": soon,
                "rest": rest,
                "soon_x": CHART_LABEL + overdue,
                "rest_x": CHART_LABEL + overdue + soon,
            }
        )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(len(bars), 1) * CHART_ROW,
        "label": CHART_LABEL,
        "value_x": CHART_WIDTH - 50,
    }
