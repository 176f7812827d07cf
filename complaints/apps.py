from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Communications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # App loading, not a cycle: these modules register things once the models are ready
        # (the portal's system checks, the object permissions with `rules`, the Celery tasks and
        # the dossiers' render sender, the sweep on requests, the engine's languages).
        import portal.checks  # noqa: F401, PLC0415
        from complaints import adapters, permissions, tasks  # noqa: F401, PLC0415
        from complaints.deadlines import request_sweep  # noqa: PLC0415

        adapters.engine_languages_install()

        # The blind index of names follows every save of a case or of a person in it.
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415

        from complaints.crypto import search_index  # noqa: PLC0415
        from complaints.models import Communication, Person  # noqa: PLC0415

        post_save.connect(
            search_index.on_communication_saved, sender=Communication, dispatch_uid="index_case"
        )
        post_save.connect(search_index.on_person_saved, sender=Person, dispatch_uid="index_person_saved")
        post_delete.connect(
            search_index.on_person_deleted, sender=Person, dispatch_uid="index_person_deleted"
        )
        request_finished.connect(
            request_sweep.deadlines_sweep_when_due, dispatch_uid="deadlines_sweep_when_due"
        )

        from allauth.account import signals as account_signals  # noqa: PLC0415
        from django.contrib.auth.signals import user_logged_in  # noqa: PLC0415

        from complaints.accounts.services import session_start_on_log_in, tokens_revoke_on_password_change  # noqa: PLC0415  # noqa: PLC0415  # noqa: PLC0415

        user_logged_in.connect(session_start_on_log_in, dispatch_uid="session_start_on_log_in")

        # A new password (changed, reset, or set for the first time) revokes the API tokens.
        for signal in (
            account_signals.password_changed,
            account_signals.password_reset,
            account_signals.password_set,
        ):
            signal.connect(tokens_revoke_on_password_change, dispatch_uid="tokens_revoke_on_password_change")
