"""The starting news categories. "Valmistelussa" and "Päätetty" let staff follow what is being
prepared and what has been decided (domain brief §7 #5); editors add more in the admin."""

from django.db import migrations

CATEGORIES = [
    ("valmistelussa", "Valmistelussa", "Under beredning", "In preparation", 10),
    ("paatetty", "Päätetty", "Beslutat", "Decided", 20),
    ("henkilosto", "Henkilöstö", "Personal", "Staff", 30),
    ("tietohallinto", "Tietohallinto ja tietoturva", "Dataförvaltning och informationssäkerhet",
     "ICT and information security", 40),
    ("maksatus", "Maksatus ja talous", "Utbetalning och ekonomi", "Payments and finance", 50),
    ("tyollisyys", "Työllisyyspalvelut", "Sysselsättningstjänster", "Employment services", 60),
    ("koulutus", "Koulutus ja osaaminen", "Utbildning och kompetens", "Training and skills", 70),
    ("tilat", "Toimitilat ja monipaikkaisuus", "Lokaler och flerplatsarbete", "Premises and multi-location work", 80),
    ("tapahtumat", "Tapahtumat", "Evenemang", "Events", 90),
]


def create(apps, schema_editor):
    NewsCategory = apps.get_model("news", "NewsCategory")
    for slug, fi, sv, en, order in CATEGORIES:
        NewsCategory.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )


def remove(apps, schema_editor):
    apps.get_model("news", "NewsCategory").objects.filter(slug__in=[row[0] for row in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
