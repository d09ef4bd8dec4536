"""A local OpenID Connect provider shaped like Entra ID (tests and the demo; see server.py)."""
