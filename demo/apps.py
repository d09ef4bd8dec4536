from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for every app, loaded by ``manage.py demo_data``; production code never imports it."""

    name = "demo"
    verbose_name = "Demo data"
