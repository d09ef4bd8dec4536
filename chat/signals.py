"""Team and location rooms follow the organisation, automatically.

A team gets its room when it is saved, and its memberships are mirrored: a new
team member joins the team room, a removed one leaves it (only if the team put
them there). A location gets its room likewise, and a person whose home
location changes moves from the old location room to the new one (people who
joined a location room by hand stay). The work is in chat.rooms.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from teams.models import Location, Person, Team, TeamMembership


@receiver(post_save, sender=Team, dispatch_uid="chat_team_room")
def team_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from chat import rooms

    rooms.ensure_team_room(team=instance)


@receiver(post_save, sender=Location, dispatch_uid="chat_location_room")
def location_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from chat import rooms

    rooms.ensure_location_room(location=instance)


@receiver(post_save, sender=TeamMembership, dispatch_uid="chat_team_member_added")
def team_membership_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from chat import rooms

    rooms.sync_team_member(team_id=instance.team_id, person_id=instance.person_id)


@receiver(post_delete, sender=TeamMembership, dispatch_uid="chat_team_member_removed")
def team_membership_deleted(sender, instance, **kwargs):
    from chat import rooms

    rooms.sync_team_member(team_id=instance.team_id, person_id=instance.person_id)


@receiver(post_save, sender=Person, dispatch_uid="chat_home_location")
def person_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from chat import rooms

    rooms.sync_location_member(person=instance)
