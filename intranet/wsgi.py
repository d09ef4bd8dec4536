"""WSGI entry point for management tools; the platform itself is served by Daphne (asgi.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
application = get_wsgi_application()
