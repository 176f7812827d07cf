from django.urls import path

from . import views, wizard_views

app_name = "complaints"

urlpatterns = [
    path("cases/", views.dashboard, name="dashboard"),
    path("cases/new/", wizard_views.wizard_start, name="communication_start"),
    path("cases/<uuid:reference>/", views.communication_detail, name="communication_detail"),
    path(
        "cases/<uuid:reference>/transition/",
        views.communication_record_transition,
        name="communication_transition",
    ),
    path("cases/<uuid:reference>/step/<slug:slug>/", wizard_views.wizard_step, name="wizard_step"),
    path(
        "cases/<uuid:reference>/documents/<int:document_id>/remove/",
        wizard_views.wizard_document_remove,
        name="wizard_document_remove",
    ),
    path("cases/<uuid:reference>/submitted/", wizard_views.submitted, name="submitted"),
]
