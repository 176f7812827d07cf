from __future__ import annotations

from rest_framework import serializers

from ..models import Communication


class CommunicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Communication
        fields = [
            "reference",
            "title",
            "state",
            "status",
            "closure",
            "dossier_language",
            "is_urgent",
            "interim_measures_requested",
            "names_confidential",
            "submitted_on",
            "registered_on",
            "committee_reference",
            "transmitted_on",
            "observations_received_on",
            "comments_sent_on",
            "admissibility_decided_on",
            "views_adopted_on",
            "follow_up_received_on",
            "closed_on",
            "verdict",
            "verdict_checked_on",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class FindingSerializer(serializers.Serializer):
    criterion = serializers.CharField()
    outcome = serializers.ChoiceField(choices=["met", "not_met", "needs_review"])
    reason = serializers.CharField()
    child_reason = serializers.CharField()
    citation = serializers.CharField()


class AssessmentSerializer(serializers.Serializer):
    """Documents the output of the admissibility check (the engine builds it)."""

    verdict = serializers.ChoiceField(choices=["admissible_prima_facie", "needs_review", "inadmissible"])
    file_by = serializers.DateField(allow_null=True)
    findings = FindingSerializer(many=True)
