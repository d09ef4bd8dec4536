"""Replace Wagtail's placeholder welcome page with the intranet's HomePage as the site root."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("intranet.HomePage")

    # Wagtail's initial migration creates a "Welcome to your new Wagtail site!" page.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    content_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="intranet")
    homepage = HomePage.objects.create(
        title="Etusivu",
        draft_title="Etusivu",
        slug="etusivu",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/etusivu/",
        locale_id=Page.objects.get(depth=1).locale_id,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": homepage.id, "site_name": "Taimi"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("intranet.HomePage").objects.filter(slug="etusivu", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intranet", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
