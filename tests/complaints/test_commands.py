from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core.management import CommandError, call_command

from complaints.models import Communication, TreatyStatus, User
from tests.complaints.test_api import FACTS

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


def with_facts(tail: str) -> bytes:
    """The valid facts as JSON, with ``tail`` (raw JSON text) added as their last member."""
    return (json.dumps(FACTS)[:-1] + ", " + tail + "}").encode()


def assess_raw(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, raw: bytes, source: str
) -> tuple[int, str, str]:
    """Run ``assess`` on ``raw`` bytes, from standard input (source "-") or a file; (status, out, err)."""
    if source == "-":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    else:
        source = str(tmp_path / "facts.json")
        Path(source).write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("assess", source, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


TOP_LEVEL_WRONG_TYPES = {
    "assessed_on": "20250301",
    "state": "3",
    "in_writing": '"yes"',
    "author": "[]",
    "victims": "{}",
    "claims": '"CRC 19"',
    "facts": "[]",
    "domestic_remedies": "1",
    "late_submission_reason": "[]",
    "previously_examined_by_committee": '"no"',
    "other_procedures": "{}",
    "documents_count": '"3"',
}

# (input, a fragment the one-line message must hold)
MALFORMED = [
    pytest.param(b"{not json", "JSON", id="not json"),
    pytest.param(b"", "empty", id="empty input"),
    pytest.param(b" \n\t", "empty", id="only blanks"),
    pytest.param(b"[]", "$", id="a list at the top"),
    pytest.param(b"3", "$", id="a number at the top"),
    pytest.param(b'"facts"', "$", id="a string at the top"),
    pytest.param(b"null", "$", id="null at the top"),
    # Deep enough for Python's json to recurse past its limit, small enough for the size limit.
    pytest.param(b"[" * 4_000 + b"]" * 4_000, "deep", id="4,000 nested lists"),
    pytest.param(b'{"a":' * 1_500 + b"1" + b"}" * 1_500, "deep", id="1,500 nested objects"),
    pytest.param(b"[" * 9_000, "deep", id="9,000 unclosed lists"),
    *[
        pytest.param(with_facts(f'"{field}": {value}'), field, id=f"a wrong type for {field}")
        for field, value in TOP_LEVEL_WRONG_TYPES.items()
    ],
    pytest.param(with_facts('"assessed_on": "2023-02-30"'), "assessed_on", id="an impossible date"),
    pytest.param(with_facts('"assessed_on": "2025-03-01T00:00"'), "assessed_on", id="a date and time"),
    pytest.param(
        json.dumps({**FACTS, "state": "KÄZ"}, ensure_ascii=False).encode("latin-1"),
        "UTF-8",
        id="latin-1 bytes",
    ),
    pytest.param(b"\xff\xfe{}", "UTF-8", id="bytes that are no text"),
    pytest.param(with_facts('"late_submission_reason": "' + "x" * 20_000 + '"'), "bytes", id="a huge file"),
    pytest.param(with_facts('"documents_count": NaN'), "documents_count", id="NaN"),
    pytest.param(with_facts('"documents_count": Infinity'), "documents_count", id="Infinity"),
    pytest.param(with_facts('"documents_count": 1e999'), "documents_count", id="a float out of range"),
    pytest.param(with_facts('"documents_count": ' + "9" * 5_000), "documents_count", id="5000 digits"),
    pytest.param(
        with_facts('"claims": [{"article": ' + "9" * 40 + "}]"), "claims[0].article", id="40 digits"
    ),
    pytest.param(b"\xef\xbb\xbf" + json.dumps(FACTS).encode(), "byte order mark", id="a byte order mark"),
    pytest.param(
        with_facts('"late_submission_reason": "\\ud800"'), "late_submission_reason", id="a surrogate"
    ),
    pytest.param(json.dumps(FACTS).encode() + b" []", "JSON", id="two documents"),
    pytest.param(b'{"assessed_on": "2025-03-01",}', "JSON", id="a trailing comma"),
    pytest.param(with_facts('"a\\nb": 1, "c\\rd": 2'), "unknown field", id="names with line breaks"),
    pytest.param(b'{"state": "kz", "in_writing": 1}', "assessed_on", id="several errors"),
]


@pytest.mark.parametrize("source", ["-", "file"])
@pytest.mark.parametrize(("raw", "named"), MALFORMED)
def test_assess_exits_2_with_one_line_naming_the_problem_on_any_malformed_input(
    monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path, raw: bytes, named: str, source: str
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    code, out, err = assess_raw(monkeypatch, tmp_path, raw, source)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert named in err


@pytest.mark.parametrize("source", ["-", "file"])
@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(json.dumps(FACTS).encode(), id="the facts"),
        pytest.param(json.dumps(FACTS, indent=2).encode() + b"\n\n", id="indented, with blank lines"),
        pytest.param(
            json.dumps({**FACTS, "state": "KAZ", "facts": None}, ensure_ascii=False).encode(), id="null"
        ),
        pytest.param(b'{"assessed_on": "2025-03-01", "late_submission_reason": "\xd0\x96"}', id="cyrillic"),
    ],
)
def test_assess_exits_0_on_valid_input(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, raw: bytes, source: str
) -> None:
    code, out, err = assess_raw(monkeypatch, tmp_path, raw, source)
    assert (code, err) == (0, "")
    assert json.loads(out)["verdict"]


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
    # UNTC counts 52 parties; the 52nd, the Republic of Moldova, has no verified deposit date yet
    # (see complaints/data/SOURCES.md).
    assert TreatyStatus.objects.filter(opic_status="party").count() == 52
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
