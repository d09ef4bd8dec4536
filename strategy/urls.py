from django.urls import path

from strategy import staff_views, views

app_name = "strategy"

urlpatterns = [
    path("strategia/", views.index, name="index"),
    path("strategia/julkaise/", views.publish, name="publish"),
    path("strategia/versiot/", views.versions, name="versions"),
    path("strategia/versiot/<int:number>/", views.version, name="version"),
    path("strategia/muistutukset/", views.reminders, name="reminders"),
    path("strategia/toimenpiteet/", staff_views.actions_list, name="actions"),
    path("strategia/toimenpiteet/<slug:key>/", staff_views.action_view, name="action"),
    path("strategia/kierros/<slug:slug>/", views.round_page, name="round"),
    path("strategia/kierros/<slug:slug>/tulokset.json", views.round_json, name="round_json"),
    path("strategia/kierros/<slug:slug>/kommentoi/", views.comment, name="comment"),
    path("strategia/kierros/<slug:slug>/vaite/", views.add_statement, name="add_statement"),
    path("strategia/kierros/<slug:slug>/ehdota/", views.proposal, name="proposal"),
    path("strategia/kierros/<slug:slug>/fasilitointi/", staff_views.facilitation_view, name="facilitation"),
    path("strategia/kierros/<slug:slug>/vienti/", views.export, name="export"),
    path("strategia/vienti/<str:token>/", views.export_download, name="export_download"),
    path("strategia/vienti/<str:token>/tila/", views.export_status, name="export_status"),
    path("strategia/kysely/<int:poll_id>/", views.vote_poll, name="vote_poll"),
    path("strategia/vaite/<int:statement_id>/", views.vote_statement, name="vote_statement"),
    path("strategia/vaite/<int:statement_id>/moderoi/", views.moderate, name="moderate"),
    path("strategia/kommentti/<int:comment_id>/piilota/", views.hide_comment, name="hide_comment"),
    path("strategia/ehdotus/<int:proposal_id>/muokkaa/", views.proposal_edit, name="proposal_edit"),
    path("strategia/ehdotus/<int:proposal_id>/tue/", views.support, name="support"),
    path("strategia/vastaa/<str:kind>/<int:pk>/", views.answer, name="answer"),
]
