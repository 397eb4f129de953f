from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("new/", views.document_create, name="create"),
    path("citing/", views.citing, name="citing"),
    path("cleanup/", views.campaign_list, name="campaigns"),
    path("cleanup/<int:pk>/", views.campaign_detail, name="campaign"),
    path("cleanup/<int:pk>/items/<int:item_pk>/", views.campaign_decide, name="campaign_decide"),
    path("cleanup/<int:pk>/publish/", views.campaign_publish, name="campaign_publish"),
    path("comments/<int:pk>/", views.comment_action, name="comment"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/edit/", views.document_edit, name="edit"),
    path("<int:pk>/versions/", views.upload_version, name="upload"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/diff/", views.version_diff, name="diff"),
    path("<int:pk>/transition/", views.transition, name="transition"),
    path("<int:pk>/record/<slug:step>/", views.record_step, name="record"),
    path("<int:pk>/summary/", views.adoption_summary, name="summary"),
]
