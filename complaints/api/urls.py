from django.urls import path
from rest_framework.routers import SimpleRouter

from complaints.api import views

router = SimpleRouter(trailing_slash=True)
router.register("communications", views.CommunicationViewSet, basename="communication")
router.register("people", views.PersonViewSet, basename="person")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("remedies", views.RemedyViewSet, basename="remedy")
router.register("procedures", views.ProcedureViewSet, basename="procedure")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("events", views.EventViewSet, basename="event")
router.register("deadlines", views.DeadlineViewSet, basename="deadline")
router.register("dossiers", views.DossierViewSet, basename="dossier")
router.register("dispatches", views.DispatchViewSet, basename="dispatch")
router.register("clarification-requests", views.ClarificationRequestViewSet, basename="clarification-request")
router.register("committee-requests", views.ProcedureRequestViewSet, basename="committee-request")
router.register("inquiries", views.InquiryViewSet, basename="inquiry")

urlpatterns = [
    path("admissibility/assess", views.AssessView.as_view(), name="admissibility-assess"),
    *router.urls,
]
