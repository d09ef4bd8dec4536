"""Presence settings for views and handlers (keyword-only; realtime.actions broadcasts)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from presence import actions, state
from presence.models import PresenceSetting
from presence.store import get_store

# A custom status may be set for at most this long ahead: a forgotten "on
# holiday" should not outlive the holiday by months.
MAX_CUSTOM_DAYS = 31
UNSET = object()


def setting_for(*, user) -> PresenceSetting:
    # Fetched with the user (teams.services.person_of selects it for this request's own person): no query.
    fetched = user._state.fields_cache
    if "presence_setting" in fetched:
        return fetched["presence_setting"] or PresenceSetting(user=user)
    return PresenceSetting.objects.filter(user=user).first() or PresenceSetting(user=user)


def _printable(text: str) -> str:
    return "".join(ch for ch in text if ch.isprintable()).strip()


@transaction.atomic
def set_status(*, user, manual=UNSET, text=UNSET, emoji=UNSET, until=UNSET, hidden=UNSET) -> PresenceSetting:
    """Change any of a person's presence settings; the others stay. Raises ValidationError, saving nothing."""
    setting = PresenceSetting.objects.select_for_update().filter(user=user).first() or PresenceSetting(
        user=user
    )
    if manual is not UNSET:
        if manual not in state.MANUAL_CHOICES:
            raise ValidationError(_("Unknown status."))
        setting.manual = manual
    if text is not UNSET:
        text = _printable(text or "")
        if len(text) > state.CUSTOM_TEXT_MAX:
            raise ValidationError(_("The status text is limited to 100 characters."))
        setting.custom_text = text
    if emoji is not UNSET:
        emoji = _printable(emoji or "")
        if len(emoji) > state.EMOJI_MAX or any(ch.isalnum() for ch in emoji):
            raise ValidationError(_("Choose one emoji."))
        setting.custom_emoji = emoji
    if until is not UNSET:
        if until is not None:
            now = timezone.now()
            if until <= now:
                raise ValidationError(_("The end time must be in the future."))
            if until > now + datetime.timedelta(days=MAX_CUSTOM_DAYS):
                raise ValidationError(_("A custom status lasts at most 31 days."))
        setting.custom_until = until
    if hidden is not UNSET:
        setting.hidden = bool(hidden)
    if not setting.custom_text and not setting.custom_emoji:
        setting.custom_until = None
    setting.save()
    fields = setting.store_fields()
    transaction.on_commit(lambda: get_store().set_fields(user.pk, fields))
    actions.presence_setting_changed(user_id=user.pk)
    return setting


def public_states(*, user_ids) -> dict[int, dict]:
    """What others see of each user now (from the presence store; no database query)."""
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    return {uid: state.public(full) for uid, full in get_store().read(user_ids).items()}


def attach(people) -> list:
    """Set ``person.presence`` (what others see) on each person; reads the store, not the database."""
    people = list(people)
    states = public_states(user_ids=[person.user_id for person in people])
    for person in people:
        person.presence = states.get(person.user_id)
    return people


def own_state(*, user) -> dict:
    """My full state (with ``manual`` and ``hidden``): settings from the database, tabs from the store."""
    setting = setting_for(user=user)
    live = get_store().read([user.pk])[user.pk]
    return {**state.effective(live["conns"], setting.store_fields()), "manual": setting.manual}


def available_user_ids() -> list[int]:
    """Users who are online and available right now (not away, busy, do-not-disturb or hidden)."""
    store = get_store()
    online = store.online_user_ids()
    return [uid for uid, value in public_states(user_ids=online).items() if value["status"] == state.ONLINE]
