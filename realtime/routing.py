"""Websocket URL routes, mounted by intranet.asgi behind session auth and origin checks."""

from django.urls import path

from realtime import consumers

websocket_urlpatterns = [
    path("ws/", consumers.RealtimeConsumer.as_asgi()),
]
