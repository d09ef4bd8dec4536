"""A form posted without a field its view reads answers 400, not 500.

Views read ``request.POST["field"]`` where the page they served always sends it: Wagtail's page editor (a
StreamField's ``body-count``), its copy view (``new_parent_page``) and ours. A request made by hand, or a
page cut short by a broken connection, then raised ``MultiValueDictKeyError`` and answered 500 with an
error report. It is the sender's mistake, so it answers 400 (templates/400.html, "the form was incomplete")
and is logged as a warning; nothing was saved, since the view stopped before it wrote.
"""

import logging

from django.shortcuts import render
from django.utils.datastructures import MultiValueDictKeyError

logger = logging.getLogger(__name__)


class IncompleteFormMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MultiValueDictKeyError):
            return None
        logger.warning("Incomplete form posted to %s: no field %s", request.path, exception)
        # Django's own 400 view renders without the request: the page shell needs it (the reader's menu).
        return render(request, "400.html", status=400)
