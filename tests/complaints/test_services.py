from __future__ import annotations

import pytest

from complaints.models import Event
from complaints.services import StaleVersion, communication_create_draft, communication_save_step
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_starting_a_draft_records_it_in_the_timeline() -> None:
    filer = UserFactory.create()
    communication = communication_create_draft(filer=filer, title="My case", state="KAZ")
    assert communication.status == "draft"
    assert Event.objects.filter(communication=communication, kind=Event.Kind.CREATED, actor=filer).exists()


def test_two_tabs_saving_the_same_version_never_silently_overwrite_each_other() -> None:
    filer = UserFactory.create()
    communication = communication_create_draft(filer=filer, title="First")
    version = communication.version
    communication_save_step(
        communication=communication, expected_version=version, actor=filer, fields={"title": "Tab one"}
    )
    with pytest.raises(StaleVersion) as caught:
        communication_save_step(
            communication=communication, expected_version=version, actor=filer, fields={"title": "Tab two"}
        )
    assert caught.value.current.title == "Tab one"
    communication.refresh_from_db()
    assert communication.title == "Tab one"
    assert communication.version == version + 1
