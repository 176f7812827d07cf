from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("cases/", views.dashboard, name="dashboard"),
    path("cases/new/", views.communication_start, name="communication_start"),
    path("cases/<uuid:reference>/", views.communication_detail, name="communication_detail"),
    path(
        "cases/<uuid:reference>/transition/",
        views.communication_record_transition,
        name="communication_transition",
    ),
]
