"""Jobs queued before the packages moved keep running: their stored task paths name the new modules
(intranet.tasks -> core.tasks, intranet.instructions.tasks -> instructions.tasks)."""

from django.db import migrations

RENAMED = {"intranet.tasks.": "core.tasks.", "intranet.instructions.tasks.": "instructions.tasks."}


def rename(apps, schema_editor, renamed=RENAMED):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in renamed.items():
        for result in DBTaskResult.objects.filter(task_path__startswith=old).only("pk", "task_path"):
            DBTaskResult.objects.filter(pk=result.pk).update(task_path=new + result.task_path[len(old):])


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('django_tasks_database', '0001_initial'),  # task_path exists from the first version
    ]

    operations = [migrations.RunPython(rename, rename_back)]
