from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import AssessView, CommunicationViewSet

router = SimpleRouter(trailing_slash=True)
router.register("communications", CommunicationViewSet, basename="communication")

urlpatterns = [
    path("admissibility/assess", AssessView.as_view(), name="admissibility-assess"),
    *router.urls,
]
