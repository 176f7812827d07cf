"""The Committee's decisions: the shipped file, the import command, the public library, and the
links from admissibility findings and chosen articles to the decisions about them."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from admissibility import assess, parse_facts
from complaints.decisions.importer import check
from complaints.decisions.models import GROUNDS, Decision
from complaints.decisions.selectors import all_decisions
from complaints.models import TreatyStatus
from tests.conftest import login
from tests.factories import ClaimFactory, CommunicationFactory, UserFactory

SHIPPED = Path(__file__).resolve().parents[2] / "complaints" / "data" / "decisions.json"
pytestmark = pytest.mark.django_db


def record(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "symbol": "CRC/C/90/D/200/2020",
        "number": "200/2020",
        "name": "A.B. v. Testland",
        "state": "DNK",
        "adopted_on": "2022-05-27",
        "outcome": "inadmissible",
        "articles_invoked": [3, 19],
        "articles_violated": [],
        "grounds": ["OPIC-7-e"],
        "summary": {"en": "English text.", "ru": "Русский текст.", "kk": "Қазақша мәтін."},
        "source": "https://example.org/decision",
    }
    base.update(changes)
    return base


def write(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def make(symbol: str, **values: Any) -> Decision:
    defaults: dict[str, Any] = {
        "number": "/".join(symbol.split("/")[-2:]),
        "name": f"Case {symbol}",
        "state": "ESP",
        "adopted_on": date(2020, 1, 1),
        "outcome": Decision.Outcome.INADMISSIBLE,
        "articles_invoked": [3],
        "articles_violated": [],
        "grounds": [],
        "summary_en": "A summary in English.",
        "summary_ru": "Краткое изложение.",
        "summary_kk": "Қысқаша мазмұны.",
        "source": "https://example.org/" + symbol.replace("/", "-"),
    }
    defaults.update(values)
    return Decision.objects.create(symbol=symbol, **defaults)


# The shipped file ------------------------------------------------------------------------------


def test_every_shipped_record_has_a_valid_symbol_state_date_and_source() -> None:
    records = json.loads(SHIPPED.read_text(encoding="utf-8"))
    states = set(TreatyStatus.objects.values_list("iso3", flat=True))
    assert records, "the shipped file is empty"
    for item in records:
        assert re.fullmatch(r"CRC/C/\d+/D/\d+/\d{4}", item["symbol"]), item["symbol"]
        assert item["symbol"].endswith("/D/" + item["number"]), item["symbol"]
        assert item["state"] in states, item["symbol"]
        assert date(2014, 4, 14) <= date.fromisoformat(item["adopted_on"]) <= date(2030, 1, 1), item["symbol"]
        for url in [item["source"], *item.get("other_sources", [])]:
            parsed = urlparse(url)
            assert parsed.scheme in {"http", "https"}, item["symbol"]
            assert parsed.netloc, item["symbol"]
    # And the importer's own checks accept every record.
    assert len(check(records, states)) == len(records)


def test_the_shipped_decisions_are_in_a_freshly_migrated_database() -> None:
    symbols = {item["symbol"] for item in json.loads(SHIPPED.read_text(encoding="utf-8"))}
    assert set(Decision.objects.values_list("symbol", flat=True)) >= symbols


def test_seed_demo_brings_a_database_migrated_earlier_up_to_every_shipped_decision() -> None:
    shipped = {item["symbol"]: item for item in json.loads(SHIPPED.read_text(encoding="utf-8"))}
    # As if the database had been migrated before the last records were added to the file,
    # and one record had been changed since.
    missing = sorted(shipped)[:2]
    Decision.objects.filter(symbol__in=missing).delete()
    changed = sorted(shipped)[-1]
    Decision.objects.filter(symbol=changed).update(summary_en="An outdated summary.")

    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=io.StringIO())

    assert set(Decision.objects.values_list("symbol", flat=True)) == set(shipped)
    assert Decision.objects.get(symbol=changed).summary_en == shipped[changed]["summary"]["en"].strip()
    assert "decisions: 2 added" in out.getvalue()


def test_the_grounds_a_decision_can_name_are_exactly_the_engines_criteria() -> None:
    engine = {
        finding.criterion for finding in assess(parse_facts({"assessed_on": "2024-01-01"}), {}).findings
    }
    assert set(GROUNDS) == engine


# The import command ---------------------------------------------------------------------------


def test_the_import_command_refuses_a_malformed_file_and_imports_nothing(tmp_path: Path) -> None:
    before = set(Decision.objects.values_list("symbol", "summary_en"))
    bad = [
        record(symbol="CRC/C/90/D/201/2020", number="201/2020"),
        record(
            symbol="CRC/90/D/7/2020",
            number="7/2020",
            state="XXX",
            adopted_on="2022-02-30",
            outcome="won",
            source="ftp://example.org/x",
        ),
    ]
    with pytest.raises(CommandError) as refused:
        call_command("import_decisions", str(write(tmp_path, bad)))
    message = str(refused.value)
    assert "Nothing was imported" in message
    for field in ("symbol", "state", "adopted_on", "outcome", "source"):
        assert f"record 2 (CRC/90/D/7/2020): {field}:" in message
    assert "record 1" not in message
    assert set(Decision.objects.values_list("symbol", "summary_en")) == before
    assert not Decision.objects.filter(symbol="CRC/C/90/D/201/2020").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"summary": {"en": "Only English."}}, "summary.ru"),
        ({"outcome": "views_violation", "articles_violated": []}, "articles_violated"),
        ({"articles_invoked": [3, 99]}, "articles_invoked"),
        ({"grounds": ["7(e)"]}, "grounds"),
        ({"number": "5/2020"}, "number"),
    ],
)
def test_the_import_command_names_the_field_that_is_wrong(
    tmp_path: Path, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(CommandError, match=re.escape(f"record 1 (CRC/C/90/D/200/2020): {field}:")):
        call_command("import_decisions", str(write(tmp_path, [record(**changes)])))
    assert not Decision.objects.filter(symbol="CRC/C/90/D/200/2020").exists()


def test_a_file_that_is_not_json_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    path.write_text("symbol,state\n", encoding="utf-8")
    with pytest.raises(CommandError, match="not a JSON file"):
        call_command("import_decisions", str(path))


def test_importing_again_refreshes_the_record_with_the_same_symbol(tmp_path: Path) -> None:
    call_command("import_decisions", str(write(tmp_path, [record()])))
    call_command(
        "import_decisions",
        str(write(tmp_path, [record(summary={"en": "New.", "ru": "Новое.", "kk": "Жаңа."})])),
    )
    refreshed = Decision.objects.get(symbol="CRC/C/90/D/200/2020")
    assert refreshed.summary_en == "New."
    assert Decision.objects.filter(symbol="CRC/C/90/D/200/2020").count() == 1


def test_a_process_keeps_the_decisions_in_memory_and_reads_them_again_after_an_import(
    tmp_path: Path, django_assert_num_queries: Any, django_capture_on_commit_callbacks: Any
) -> None:
    before = {decision.symbol for decision in all_decisions()}
    with django_assert_num_queries(0):
        assert {decision.symbol for decision in all_decisions()} == before
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_decisions", str(write(tmp_path, [record()])))
    after = {decision.symbol for decision in all_decisions()}
    assert "CRC/C/90/D/200/2020" not in before
    assert after == before | {"CRC/C/90/D/200/2020"}


# The public library ---------------------------------------------------------------------------


def test_the_library_needs_no_account_and_filters_by_ground() -> None:
    Decision.objects.all().delete()
    make("CRC/C/90/D/301/2020", grounds=["OPIC-7-e"], name="Exhaustion case")
    make("CRC/C/90/D/302/2020", grounds=["OPIC-7-g"], name="Time case")
    page = Client().get(reverse("complaints:decision_library"), {"ground": "OPIC-7-e"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Exhaustion case" in text
    assert "Time case" not in text


def test_the_library_searches_the_summary_and_the_state_name_in_the_pages_language() -> None:
    Decision.objects.all().delete()
    make("CRC/C/90/D/303/2020", state="FIN", summary_ru="Ребёнка разлучили с отцом.", name="Finnish case")
    make("CRC/C/90/D/304/2020", state="ESP", name="Spanish case")
    client = Client()
    with translation.override("ru"):
        by_state = client.get(
            reverse("complaints:decision_library"), {"q": "Финляндия"}, HTTP_ACCEPT_LANGUAGE="ru"
        )
    assert "Finnish case" in by_state.content.decode()
    assert "Spanish case" not in by_state.content.decode()
    by_text = client.get(reverse("complaints:decision_library"), {"q": "разлучили"})
    assert "Finnish case" in by_text.content.decode()
    assert "Spanish case" not in by_text.content.decode()


def test_kazakhstans_decisions_come_first_even_when_older() -> None:
    Decision.objects.all().delete()
    make("CRC/C/99/D/310/2025", state="ESP", adopted_on=date(2025, 5, 1), name="Newer Spanish case")
    make("CRC/C/98/D/311/2024", state="KAZ", adopted_on=date(2024, 9, 1), name="Older Kazakh case")
    text = Client().get(reverse("complaints:decision_library")).content.decode()
    assert text.index("Older Kazakh case") < text.index("Newer Spanish case")


def test_the_figures_count_outcomes_by_ground_with_a_table_beside_the_chart() -> None:
    Decision.objects.all().delete()
    make("CRC/C/90/D/320/2020", grounds=["OPIC-7-e"])
    make("CRC/C/90/D/321/2020", grounds=["OPIC-7-e", "OPIC-7-f"])
    make(
        "CRC/C/90/D/322/2020",
        grounds=["OPIC-7-e"],
        outcome=Decision.Outcome.VIOLATION,
        articles_violated=[3],
    )
    text = Client().get(reverse("complaints:decision_library")).content.decode()
    assert "<svg" in text
    assert "<table" in text
    row = re.search(r"<th scope=\"row\">7\(e\)</th>(.*?)</tr>", text, re.S)
    assert row is not None
    cells = re.findall(r"<td>(\d+)</td>", row.group(1))
    # Columns: violation, no violation, inadmissible, discontinued, total.
    assert cells == ["1", "0", "2", "0", "3"]


def test_a_filter_value_the_library_does_not_know_is_an_error_not_a_crash() -> None:
    page = Client().get(reverse("complaints:decision_library"), {"state": "<script>", "year": "abc"})
    assert page.status_code == 200
    assert "Some choices were not understood" in page.content.decode()
    assert "<script>" not in page.content.decode()


# Links from findings and articles -------------------------------------------------------------


@pytest.mark.parametrize(("criterion", "label"), [("OPIC-7-e", "7(e)"), ("OPIC-7-g", "7(g)")])
def test_a_finding_on_the_case_page_links_to_decisions_on_the_same_ground(criterion: str, label: str) -> None:
    Decision.objects.all().delete()
    same = make("CRC/C/91/D/400/2021", grounds=[criterion], name="Same ground")
    make("CRC/C/91/D/401/2021", grounds=["OPIC-7-a"], name="Other ground")
    filer = UserFactory.create()
    case = CommunicationFactory.create(filer=filer)
    text = login(filer).get(case.get_absolute_url()).content.decode()
    items = re.findall(r"<li class=\"finding-[a-z_]+ ps-2 mb-2\">(.*?)</li>", text, re.S)
    on_ground = [item for item in items if f"The Committee decided {label} in these cases" in item]
    assert len(on_ground) == 1
    assert same.symbol in on_ground[0]
    assert "CRC/C/91/D/401/2021" not in on_ground[0]
    assert f"ground={criterion}" in on_ground[0]


def test_the_wizards_feedback_links_a_finding_to_decisions_on_its_ground() -> None:
    Decision.objects.all().delete()
    make("CRC/C/91/D/410/2021", grounds=["OPIC-7-e"])
    filer = UserFactory.create()
    case = CommunicationFactory.create(filer=filer, remedies_exhausted=None)
    page = login(filer).get(reverse("complaints:wizard_step", args=[case.reference, "remedies"]))
    assert page.status_code == 200
    assert "CRC/C/91/D/410/2021" in page.content.decode()


def test_the_rights_step_shows_views_that_found_a_violation_of_a_chosen_article() -> None:
    Decision.objects.all().delete()
    make(
        "CRC/C/91/D/420/2021", outcome=Decision.Outcome.VIOLATION, articles_violated=[28], name="School case"
    )
    make(
        "CRC/C/91/D/421/2021",
        outcome=Decision.Outcome.INADMISSIBLE,
        articles_invoked=[28],
        name="Refused case",
    )
    filer = UserFactory.create()
    case = CommunicationFactory.create(filer=filer)
    ClaimFactory.create(communication=case, article=28)
    text = (
        login(filer).get(reverse("complaints:wizard_step", args=[case.reference, "rights"])).content.decode()
    )
    assert "School case" in text
    assert "Refused case" not in text
