"""PresenceSetting moved to the presence app (presence/migrations/0001_initial.py): state only, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('realtime', '0002_presence_setting'),
        ('presence', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name='PresenceSetting')]),
    ]
