from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core.management import CommandError, call_command

from complaints.models import Communication, TreatyStatus, User

from .test_api import FACTS

pytestmark = pytest.mark.django_db


def run_assess(tmp_path: Path, data: object, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("assess", str(path), *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_assess_prints_the_assessment_as_json(tmp_path: Path) -> None:
    code, out, _ = run_assess(tmp_path, FACTS)
    assert code == 0
    assert json.loads(out)["verdict"] == "admissible_prima_facie"


def test_assess_speaks_russian_when_asked(tmp_path: Path) -> None:
    _, out, _ = run_assess(tmp_path, FACTS, "--lang", "ru")
    reasons = " ".join(f["reason"] for f in json.loads(out)["findings"])
    assert any("а" <= ch <= "я" for ch in reasons)


def test_assess_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(FACTS)))
    out = io.StringIO()
    call_command("assess", "-", stdout=out)
    assert json.loads(out.getvalue())["file_by"] == "2025-11-20"


def test_assess_exits_2_naming_the_offending_field(tmp_path: Path) -> None:
    code, _, err = run_assess(tmp_path, {**FACTS, "claims": [{"instrument": "ECHR", "article": 3}]})
    assert code == 2
    assert "claims[0].instrument" in err


def test_assess_exits_2_on_a_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text("{not json")
    with pytest.raises(SystemExit) as exit_:
        call_command("assess", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert exit_.value.code == 2


def test_treaty_status_prints_kazakhstans_row() -> None:
    out = io.StringIO()
    call_command("treaty_status", "kaz", stdout=out)
    row = json.loads(out.getvalue())
    assert row["iso3"] == "KAZ"
    assert row["entry_into_force_date"] == "2024-05-07"
    assert row["source"]


def test_treaty_status_of_a_state_outside_opic_is_an_error() -> None:
    with pytest.raises(CommandError, match="USA"):
        call_command("treaty_status", "USA", stdout=io.StringIO())


def test_the_shipped_treaty_table_holds_every_party() -> None:
    # UNTC counted 52 parties; 51 are established with sources (see complaints/data/SOURCES.md).
    assert TreatyStatus.objects.filter(opic_status="party").count() == 51
    assert not TreatyStatus.objects.filter(source="").exists()


def test_seed_demo_loads_every_role_and_status_and_is_safe_to_run_twice() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert {u.role for u in User.objects.all()} == set(User.Role.values)
    assert set(Communication.objects.values_list("status", flat=True)) == set(Communication.Status.values)
    assert User.objects.filter(username="child").count() == 1


def test_seed_demo_enrols_the_staff_accounts_with_an_authenticator_app_and_prints_their_secrets() -> None:
    first, second = io.StringIO(), io.StringIO()
    call_command("seed_demo", stdout=first)
    call_command("seed_demo", stdout=second)

    for user in User.objects.filter(username__in=["caseworker", "reviewer", "admin"]):
        secret = decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])
        assert f"secret {secret}" in first.getvalue()
        assert f"otpauth://totp/{user.email.replace('@', '%40')}?secret={secret}" in first.getvalue()
        assert f"secret {secret}" in second.getvalue(), "a second run prints the same secret"
    child = User.objects.get(username="child")
    assert not Authenticator.objects.filter(user=child).exists()
