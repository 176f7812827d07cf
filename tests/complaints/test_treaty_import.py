"""Tests for complaints.treaty.importer: reading the UN Treaty Collection OPIC (IV-11-d) export.

Pure Python; runs without Django settings (``pytest -p no:django``).
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the module is stdlib-only; no Django setup is needed to import it
    sys.path.insert(0, str(ROOT))

from complaints.treaty.importer import (  # noqa: E402
    COLUMNS,
    entry_into_force,
    iso3_for,
    parse_untc_export,
)

FIXTURE = ROOT / "tests" / "fixtures" / "untc_iv_11_d_sample.xml"
TABLE = ROOT / "complaints" / "data" / "opic_states.csv"

OPIC_TITLE = "Optional Protocol to the Convention on the Rights of the Child on a communications procedure"


def _export(rows: str, *, title: str = OPIC_TITLE, status: str = "") -> bytes:
    """A minimal export with the real element layout and the given <Row> elements."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<TreatyCollection><Treaty>
  <ExternalData><Titlesect>{title}</Titlesect>{status}</ExternalData>
  <Participants><Table><TGroup cols="3">
    <Thead><Row><Entry>Participant</Entry><Entry>Signature</Entry>
      <Entry>Accession(a), Ratification</Entry></Row></Thead>
    <Tbody><Rows>{rows}</Rows></Tbody>
  </TGroup></Table></Participants>
</Treaty></TreatyCollection>""".encode()


def _row(name: str, signature: str = "", deposit: str = "") -> str:
    return f"<Row><Entry>{name}</Entry><Entry>{signature}</Entry><Entry>{deposit}</Entry></Row>"


@pytest.fixture(scope="module")
def sample_rows() -> dict[str, dict[str, str]]:
    return {row["iso3"]: row for row in parse_untc_export(FIXTURE.read_bytes())}


def test_every_participant_of_the_sample_export_is_read(sample_rows: dict[str, dict[str, str]]) -> None:
    assert sorted(sample_rows) == ["ALB", "AUT", "BEL", "CIV", "DNK", "KAZ", "MDV"]


def test_rows_have_exactly_the_columns_of_the_published_table(
    sample_rows: dict[str, dict[str, str]],
) -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == COLUMNS
    for row in sample_rows.values():
        assert tuple(row) == COLUMNS


def test_a_ratification_is_a_party_row_with_iso_dates(sample_rows: dict[str, dict[str, str]]) -> None:
    belgium = sample_rows["BEL"]
    assert belgium["name"] == "Belgium"
    assert belgium["opic_status"] == "party"
    assert belgium["signature_date"] == "2012-02-28"
    assert belgium["deposit_date"] == "2014-05-30"
    assert belgium["deposit_kind"] == "ratification"


def test_an_accession_is_recognised_by_its_a_suffix(sample_rows: dict[str, dict[str, str]]) -> None:
    denmark = sample_rows["DNK"]
    assert denmark["deposit_kind"] == "accession"
    assert denmark["deposit_date"] == "2015-10-07"
    assert denmark["signature_date"] == ""


def test_acceptance_and_approval_are_recognised_by_their_a_and_aa_suffixes() -> None:
    rows = parse_untc_export(_export(_row("Norway", deposit="3 Mar 2016 A")))
    assert rows[0]["deposit_kind"] == "acceptance"
    rows = parse_untc_export(_export(_row("Netherlands (Kingdom of the)", deposit="4 Apr 2017 AA")))
    assert rows[0]["deposit_kind"] == "approval"
    assert rows[0]["iso3"] == "NLD"


def test_a_signature_without_a_deposit_is_a_signatory_without_entry_into_force(
    sample_rows: dict[str, dict[str, str]],
) -> None:
    austria = sample_rows["AUT"]
    assert austria["opic_status"] == "signatory"
    assert austria["signature_date"] == "2012-02-28"
    assert austria["deposit_date"] == austria["deposit_kind"] == austria["entry_into_force_date"] == ""


def test_the_first_ten_instruments_enter_into_force_on_14_april_2014(
    sample_rows: dict[str, dict[str, str]],
) -> None:
    assert sample_rows["ALB"]["entry_into_force_date"] == "2014-04-14"
    assert entry_into_force(date(2012, 9, 25)) == date(2014, 4, 14)  # Thailand and Gabon, first deposits
    assert entry_into_force(date(2014, 1, 14)) == date(2014, 4, 14)  # Costa Rica, the tenth instrument


def test_a_later_instrument_enters_into_force_three_months_after_its_deposit(
    sample_rows: dict[str, dict[str, str]],
) -> None:
    assert sample_rows["DNK"]["entry_into_force_date"] == "2016-01-07"  # as CRC/C/82/D/36/2017 para 1.1
    assert sample_rows["KAZ"]["entry_into_force_date"] == "2024-05-07"
    assert sample_rows["MDV"]["entry_into_force_date"] == "2019-12-27"
    assert entry_into_force(date(2014, 1, 15)) == date(2014, 4, 15)


def test_entry_into_force_is_clamped_to_the_end_of_a_shorter_month() -> None:
    assert entry_into_force(date(2021, 11, 30)) == date(2022, 2, 28)
    assert entry_into_force(date(2023, 11, 30)) == date(2024, 2, 29)
    assert entry_into_force(date(2019, 3, 31)) == date(2019, 6, 30)


def test_footnote_superscripts_are_stripped_from_names(sample_rows: dict[str, dict[str, str]]) -> None:
    assert sample_rows["DNK"]["name"] == "Denmark"
    rows = parse_untc_export(
        _export(
            "<Row><Entry>Finland<superscript>2</superscript></Entry>"
            "<Entry>28 Feb 2012</Entry><Entry>12 Nov 2015</Entry></Row>"
        )
    )
    assert rows[0]["name"] == "Finland"


def test_an_iso_8859_1_export_keeps_accented_names(sample_rows: dict[str, dict[str, str]]) -> None:
    assert sample_rows["CIV"]["name"] == "Côte d'Ivoire"


def test_declaration_and_protocol_columns_are_left_blank(sample_rows: dict[str, dict[str, str]]) -> None:
    for row in sample_rows.values():
        assert row["art12_declaration"] == row["art13_7_declaration"] == ""
        assert row["opsc_party"] == row["opac_party"] == ""
        assert "computed" in row["source"]


def test_the_sample_agrees_with_the_published_table(sample_rows: dict[str, dict[str, str]]) -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        published = {row["iso3"]: row for row in csv.DictReader(handle)}
    for iso3, row in sample_rows.items():
        for column in (
            "name",
            "opic_status",
            "signature_date",
            "deposit_date",
            "deposit_kind",
            "entry_into_force_date",
        ):
            assert row[column] == published[iso3][column], (iso3, column)


def test_every_state_in_the_published_table_maps_to_its_iso3_code() -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert iso3_for(row["name"]) == row["iso3"], row["name"]


def test_untc_name_variants_map_to_the_same_code() -> None:
    assert iso3_for("The former Yugoslav Republic of Macedonia") == iso3_for("North Macedonia") == "MKD"
    assert iso3_for("Turkey") == iso3_for("Türkiye") == "TUR"
    assert iso3_for("Czechia") == iso3_for("Czech Republic") == "CZE"
    assert iso3_for("Cote d'Ivoire") == "CIV"
    assert iso3_for("Atlantis") is None


def test_the_csv_rendering_of_the_table_is_read_like_the_xml(sample_rows: dict[str, dict[str, str]]) -> None:
    data = (
        f"{OPIC_TITLE}\r\n"
        'Participant,Signature,"Accession(a), Ratification"\r\n'
        'Denmark 1,," 7 Oct 2015 a"\r\n'
        "Austria,28 Feb 2012,\r\n"
        "Belgium,28 Feb 2012,30 May 2014\r\n"
    ).encode("cp1252")
    rows = {row["iso3"]: row for row in parse_untc_export(data)}
    assert rows == {iso3: sample_rows[iso3] for iso3 in ("DNK", "AUT", "BEL")}


def test_a_semicolon_csv_without_a_title_is_accepted_when_it_has_the_opic_columns() -> None:
    data = b"Participant;Signature;Accession(a), Ratification\nGabon;;25 Sep 2012 a\n"
    (gabon,) = parse_untc_export(data)
    assert (gabon["iso3"], gabon["deposit_kind"], gabon["entry_into_force_date"]) == (
        "GAB",
        "accession",
        "2014-04-14",
    )


def test_an_empty_file_is_rejected() -> None:
    with pytest.raises(ValueError, match="empty"):
        parse_untc_export(b"  \n")


def test_a_file_that_is_not_a_treaty_export_is_rejected() -> None:
    with pytest.raises(ValueError, match="Participant"):
        parse_untc_export(b"name,score\nalice,3\n")
    with pytest.raises(ValueError, match="not well-formed XML"):
        parse_untc_export(b"<html><body>Service unavailable")
    with pytest.raises(ValueError, match="no <Participants> element"):
        parse_untc_export(b"<html><body>Urgent maintenance</body></html>")


def test_another_treatys_export_is_rejected() -> None:
    data = _export(_row("Albania", "22 Apr 2016", "21 Sep 2016"), title="Paris Agreement")
    with pytest.raises(ValueError, match="not the OPIC export"):
        parse_untc_export(data)


def test_an_unknown_participant_is_rejected_by_name() -> None:
    with pytest.raises(ValueError, match="'Atlantis'"):
        parse_untc_export(_export(_row("Atlantis", "1 Jan 2020")))


def test_an_unreadable_date_is_rejected_naming_the_participant_and_cell() -> None:
    with pytest.raises(ValueError, match=r"Albania: cannot read the signature cell 'sometime in 2012'"):
        parse_untc_export(_export(_row("Albania", "sometime in 2012")))
    with pytest.raises(ValueError, match="Albania: impossible date"):
        parse_untc_export(_export(_row("Albania", "31 Feb 2012")))


def test_an_unsupported_instrument_code_is_rejected() -> None:
    with pytest.raises(ValueError, match="unsupported instrument code 'd'"):
        parse_untc_export(_export(_row("Serbia", deposit="12 Mar 2001 d")))


def test_a_row_with_no_date_at_all_is_rejected() -> None:
    with pytest.raises(ValueError, match="Albania: neither a signature nor a deposit date"):
        parse_untc_export(_export(_row("Albania")))


def test_a_participant_listed_twice_is_rejected() -> None:
    rows = _row("Albania", "24 Sep 2012") + _row("Albania", "24 Sep 2012")
    with pytest.raises(ValueError, match="appears twice"):
        parse_untc_export(_export(rows))


def test_header_counts_that_contradict_the_table_are_rejected() -> None:
    status = "<Status><Signatories>1</Signatories><Parties>1</Parties></Status>"
    with pytest.raises(ValueError, match="declares 1 parties but its table has 0"):
        parse_untc_export(_export(_row("Austria", "28 Feb 2012"), status=status))


def test_an_xml_file_declaring_entities_is_refused() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(ValueError, match="declares entities"):
        parse_untc_export(data)
