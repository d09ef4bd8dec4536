"""PeriodicJob, created earlier by the intranet app (intranet/migrations/0003_periodicjob.py): state only, the
table keeps its name."""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="core", model="periodicjob").exists():
        ContentType.objects.filter(app_label="intranet", model="periodicjob").update(app_label="core")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="core", model="periodicjob").update(app_label="intranet")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('intranet', '0003_periodicjob'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='PeriodicJob',
                fields=[
                    ('name', models.CharField(max_length=100, primary_key=True, serialize=False)),
                    ('next_run_at', models.DateTimeField()),
                    ('last_enqueued_at', models.DateTimeField(blank=True, null=True)),
                ],
                options={'db_table': 'intranet_periodicjob'},
            ),
        ]),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
