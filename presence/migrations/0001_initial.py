"""Presence's models, created earlier by the realtime app (PresenceSetting) and the teams app (today's work
location and the weekly plan): state only, the tables keep their names. Their content types (and so any
permissions granted on them) follow to the new app label."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = {"presencesetting": "realtime", "worklocationday": "teams", "worklocationplan": "teams"}


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old_label in MOVED.items():
        if not ContentType.objects.filter(app_label="presence", model=model).exists():
            ContentType.objects.filter(app_label=old_label, model=model).update(app_label="presence")


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old_label in MOVED.items():
        ContentType.objects.filter(app_label="presence", model=model).update(app_label=old_label)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('realtime', '0002_presence_setting'),
        ('teams', '0002_work_location'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PresenceSetting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('manual', models.CharField(blank=True, choices=[('', 'Automatic'), ('busy', 'Busy'), ('dnd', 'Do not disturb'), ('away', 'Appear away')], default='', max_length=10)),
                        ('custom_text', models.CharField(blank=True, max_length=100)),
                        ('custom_emoji', models.CharField(blank=True, max_length=8)),
                        ('custom_until', models.DateTimeField(blank=True, null=True)),
                        ('hidden', models.BooleanField(default=False)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='presence_setting', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={'db_table': 'realtime_presencesetting'},
                ),
                migrations.CreateModel(
                    name='WorkLocationDay',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('office', 'At an office'), ('remote', 'Remote'), ('travelling', 'Travelling'), ('absent', 'Absent')], max_length=12, verbose_name='where')),
                        ('note', models.CharField(blank=True, max_length=100, verbose_name='note')),
                        ('date', models.DateField(verbose_name='date')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('location', models.ForeignKey(blank=True, help_text='Only for a day at an office.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='teams.location', verbose_name='office')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='work_days', to='teams.person', verbose_name='person')),
                    ],
                    options={
                        'db_table': 'teams_worklocationday',
                        'verbose_name': 'work location',
                        'verbose_name_plural': 'work locations',
                        'indexes': [models.Index(fields=['date', 'location'], name='teams_workl_date_9fe4bc_idx')],
                        'constraints': [models.UniqueConstraint(fields=('person', 'date'), name='one_work_location_per_day')],
                    },
                ),
                migrations.CreateModel(
                    name='WorkLocationPlan',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('office', 'At an office'), ('remote', 'Remote'), ('travelling', 'Travelling'), ('absent', 'Absent')], max_length=12, verbose_name='where')),
                        ('note', models.CharField(blank=True, max_length=100, verbose_name='note')),
                        ('weekday', models.PositiveSmallIntegerField(help_text='0 = Monday … 4 = Friday.', verbose_name='weekday')),
                        ('location', models.ForeignKey(blank=True, help_text='Only for a day at an office.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='teams.location', verbose_name='office')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='work_plan', to='teams.person', verbose_name='person')),
                    ],
                    options={
                        'db_table': 'teams_worklocationplan',
                        'verbose_name': 'weekly plan day',
                        'verbose_name_plural': 'weekly plan',
                        'ordering': ['weekday'],
                        'constraints': [models.UniqueConstraint(fields=('person', 'weekday'), name='one_plan_per_weekday'), models.CheckConstraint(condition=models.Q(('weekday__lte', 4)), name='plan_on_weekdays')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
