from django.urls import path

from complaints.accounts import views as account_views
from complaints.casework import views
from complaints.childaccounts import views as child_account_views
from complaints.deadlines import views as deadline_views
from complaints.decisions import views as decision_views
from complaints.dispatch import views as dispatch_views
from complaints.dossiers import views as dossier_views
from complaints.explainer import views as explainer_views
from complaints.filing import views as wizard_views
from complaints.inquiries import views as inquiry_views
from complaints.invitations import views as invitation_views
from complaints.privacy import views as privacy_views
from complaints.review import views as review_views
from complaints.settlements import views as settlement_views
from complaints.signing import views as signing_views
from complaints.storage import views as storage_views

app_name = "complaints"

urlpatterns = [
    path("cases/", views.dashboard, name="dashboard"),
    path("decisions/", decision_views.decision_library, name="decision_library"),
    path("cases/new/", wizard_views.wizard_start, name="communication_start"),
    path("cases/<uuid:reference>/", views.communication_detail, name="communication_detail"),
    path(
        "cases/<uuid:reference>/transition/",
        views.communication_record_transition,
        name="communication_transition",
    ),
    path(
        "cases/<uuid:reference>/views-transmitted/",
        views.views_transmitted_view,
        name="communication_views_transmitted",
    ),
    path("cases/<uuid:reference>/step/<slug:slug>/", wizard_views.wizard_step, name="wizard_step"),
    path(
        "cases/<uuid:reference>/documents/<int:document_id>/remove/",
        wizard_views.wizard_document_remove,
        name="wizard_document_remove",
    ),
    path(
        "cases/<uuid:reference>/documents/<int:document_id>/",
        storage_views.document_download,
        name="document_download",
    ),
    path("cases/<uuid:reference>/submitted/", wizard_views.submitted, name="submitted"),
    path("cases/<uuid:reference>/signed-pages/", signing_views.signed_page_upload, name="signed_page_upload"),
    path(
        "cases/<uuid:reference>/signed-pages/<int:document_id>/remove/",
        signing_views.signed_page_remove_view,
        name="signed_page_remove",
    ),
    path("cases/<uuid:reference>/note/", views.case_note, name="case_note"),
    path("cases/<uuid:reference>/untranslated/", views.case_untranslated_view, name="case_untranslated"),
    path(
        "cases/<uuid:reference>/export/", privacy_views.communication_export_view, name="communication_export"
    ),
    path("cases/<uuid:reference>/erase/", privacy_views.communication_erase_view, name="communication_erase"),
    path("cases/<uuid:reference>/assign/", views.case_assign_view, name="case_assign"),
    path("cases/<uuid:reference>/share/", views.case_share_view, name="case_share"),
    path("cases/<uuid:reference>/invitations/new/", invitation_views.invitation_new, name="invitation_new"),
    path(
        "cases/<uuid:reference>/invitations/<int:invitation_id>/withdraw/",
        invitation_views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("cases/<uuid:reference>/answer/", invitation_views.invitation_answer, name="invitation_answer"),
    path("invite/<str:invite_token>/", invitation_views.invitation_open, name="invitation_open"),
    path("account/", account_views.account, name="account"),
    path("leave/", account_views.quick_exit, name="quick_exit"),
    path("account/children/", child_account_views.child_accounts, name="child_accounts"),
    path(
        "account/children/<int:account_id>/code/",
        child_account_views.child_account_code,
        name="child_account_code",
    ),
    path("start/", child_account_views.child_account_start_view, name="child_account_start"),
    path("account/token/new/", account_views.account_token_new, name="account_token_new"),
    path("account/token/revoke/", account_views.account_token_revoke, name="account_token_revoke"),
    path(
        "account/sign-out-everywhere/",
        account_views.account_sign_out_everywhere,
        name="account_sign_out_everywhere",
    ),
    path("cases/<uuid:reference>/settlement/", settlement_views.settlement_page, name="settlement"),
    path(
        "cases/<uuid:reference>/settlement/<slug:action>/",
        settlement_views.settlement_act,
        name="settlement_act",
    ),
    path("learn/", explainer_views.explainer_index, name="explainer"),
    path("learn/check/", explainer_views.eligibility, name="explainer_check"),
    path("learn/helpers/", explainer_views.helpers_page, name="explainer_helpers"),
    path("learn/helpers/class-hour/", explainer_views.class_hour, name="explainer_class_hour"),
    path("learn/<slug:register>/", explainer_views.register_index, name="explainer_register"),
    path("learn/<slug:register>/leaflet.pdf", explainer_views.leaflet, name="explainer_leaflet"),
    path("learn/<slug:register>/<slug:slug>/", explainer_views.topic_page, name="explainer_topic"),
    path("review/", review_views.queue, name="review_queue"),
    path("review/statistics/", review_views.statistics, name="review_statistics"),
    path("review/<uuid:reference>/<slug:action>/", review_views.act, name="review_act"),
]

# Deadlines, reminders and dossiers.

urlpatterns += [
    path(
        "cases/<uuid:reference>/dossiers/<slug:variant>/",
        dossier_views.dossier_request_view,
        name="dossier_request",
    ),
    path("dossiers/<int:dossier_id>/status/", dossier_views.dossier_status, name="dossier_status"),
    path("dossiers/<int:dossier_id>/download/", dossier_views.dossier_download, name="dossier_download"),
    path(
        "cases/<uuid:reference>/interim-measures/",
        deadline_views.interim_measures_view,
        name="interim_measures",
    ),
    path("deadlines/", deadline_views.deadline_list, name="deadline_list"),
    path("deadlines/notifications/read/", deadline_views.notifications_read, name="notifications_read"),
    path("deadlines/calendar/new/", deadline_views.calendar_feed_new, name="calendar_feed_new"),
    path("deadlines/calendar/stop/", deadline_views.calendar_feed_stop, name="calendar_feed_stop"),
    path("calendar/<str:feed_token>.ics", deadline_views.calendar_feed, name="calendar_feed"),
]

# From the portal to the Committee: sending the dossier, and the secretariat's answers.

urlpatterns += [
    path("cases/<uuid:reference>/dispatch/", dispatch_views.dispatch_page, name="dispatch"),
    path("cases/<uuid:reference>/dispatch/email/", dispatch_views.dispatch_email_view, name="dispatch_email"),
    path("cases/<uuid:reference>/dispatch/post/", dispatch_views.dispatch_post_view, name="dispatch_post"),
    path("cases/<uuid:reference>/dispatch/letter/", dispatch_views.cover_letter_page, name="dispatch_letter"),
    path(
        "cases/<uuid:reference>/dispatch/acknowledgement/",
        dispatch_views.acknowledgement_view,
        name="dispatch_acknowledgement",
    ),
    path(
        "cases/<uuid:reference>/dispatch/clarification/",
        dispatch_views.clarification_view,
        name="dispatch_clarification",
    ),
    path(
        "cases/<uuid:reference>/dispatch/clarification/<int:request_id>/answered/",
        dispatch_views.clarification_answered_view,
        name="dispatch_clarification_answered",
    ),
    path("inquiries/", inquiry_views.inquiry_list_view, name="inquiries"),
    path("inquiries/<uuid:reference>/", inquiry_views.inquiry_detail_view, name="inquiry"),
    path("inquiries/<uuid:reference>/step/", inquiry_views.inquiry_step_view, name="inquiry_step"),
    path(
        "cases/<uuid:reference>/dispatch/request/",
        dispatch_views.procedure_request_view,
        name="dispatch_procedure_request",
    ),
    path(
        "cases/<uuid:reference>/dispatch/request/<int:request_id>/answered/",
        dispatch_views.procedure_request_answered_view,
        name="dispatch_procedure_request_answered",
    ),
]
