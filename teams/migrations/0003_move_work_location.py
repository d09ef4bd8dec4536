"""Today's work location and the weekly plan moved to the presence app (presence/migrations/0001_initial.py):
state only, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('teams', '0002_work_location'),
        ('presence', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='WorkLocationDay'),
            migrations.DeleteModel(name='WorkLocationPlan'),
        ]),
    ]
