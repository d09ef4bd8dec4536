"""The must-read banner on every page: what the signed-in person still has to acknowledge."""

from news import mustread


def must_read_banner(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or request.path.startswith("/admin/"):
        return {"must_read_items": []}
    return {"must_read_items": mustread.pending_for(user=user)}
