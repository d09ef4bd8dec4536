"""PeriodicJob moved to the core app (core/migrations/0001_initial.py): state only, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('intranet', '0003_periodicjob'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name='PeriodicJob')]),
    ]
