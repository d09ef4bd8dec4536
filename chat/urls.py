from django.urls import path

from chat import views

app_name = "chat"

urlpatterns = [
    path("", views.chat_page, name="index"),
    path("<int:room_id>/", views.chat_page, name="room"),
    path("uusi/", views.create_room, name="create"),
    path("suora/", views.direct_form, name="direct_form"),
    path("suora/<str:username>/", views.direct, name="direct"),
    path("<int:room_id>/<str:action>/", views.room_action, name="room_action"),
    path("haku/", views.search_page, name="search"),
    path("liite/<int:attachment_id>/", views.attachment, name="attachment"),
    path("liite/<int:attachment_id>/pieni/", views.attachment_thumb, name="attachment_thumb"),
    path("api/huoneet/", views.api_rooms, name="api_rooms"),
    path("api/huoneet/<int:room_id>/viestit/", views.api_messages, name="api_messages"),
    path("api/huoneet/<int:room_id>/jasenet/", views.api_members, name="api_members"),
    path("api/huoneet/<int:room_id>/liitteet/", views.api_upload, name="api_upload"),
    path("api/huoneet/<int:room_id>/<str:action>/", views.api_read, name="api_read"),
    path("api/viestit/<int:message_id>/historia/", views.api_edit_history, name="api_edit_history"),
    path("api/viestit/<int:message_id>/<str:action>/", views.api_message_action, name="api_message_action"),
    path("api/haku/", views.api_search, name="api_search"),
    path("api/ihmiset/", views.api_people, name="api_people"),
]
