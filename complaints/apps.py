from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Communications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import portal.checks  # noqa: F401  (registers the portal's system checks)

        from . import (
            adapters,
            deadlines,  # noqa: F401  (recomputes deadlines when the dates they hang on change)
            permissions,  # noqa: F401  (registers the object permissions with `rules`)
            request_sweep,
        )

        adapters.engine_languages_install()
        request_finished.connect(
            request_sweep.deadlines_sweep_when_due, dispatch_uid="deadlines_sweep_when_due"
        )
