"""Parse the UN Treaty Collection status export for OPIC (MTDSG chapter IV-11-d).

OPIC is the Optional Protocol to the Convention on the Rights of the Child on a
communications procedure (New York, 19 December 2011). The depositary publishes its
status as an XML file:

    https://treaties.un.org/doc/Publication/MTDSG/Volume I/Chapter IV/iv-11-d.en.xml

Structure of that file (the same for every MTDSG chapter export)::

    <...>                                  root element (wraps one <Treaty>)
      <Treaty>
        <ExternalData>
          <Titlesect>Optional Protocol to the Convention on the Rights of the Child
                     on a communications procedure</Titlesect>
          <Conclusion>New York, 19 December 2011</Conclusion>
          <EIF><Labeltext>14 April 2014, in accordance with article 19(1).</Labeltext></EIF>
          <Registration><Labeltext>14 April 2014, No. 27531</Labeltext></Registration>
          <Status><Signatories>54</Signatories><Parties>52</Parties></Status>
          ...
        </ExternalData>
        <Participants>
          <Table><TGroup cols="3">
            <Thead><Row><Entry>Participant</Entry><Entry>Signature</Entry>
                        <Entry>Accession(a), Ratification</Entry></Row></Thead>
            <Tbody><Rows>
              <Row><Entry>Albania</Entry><Entry>24 Sep 2012</Entry><Entry>29 May 2013</Entry></Row>
              <Row><Entry>Denmark&lt;superscript&gt;1&lt;/superscript&gt;</Entry><Entry/>
                   <Entry> 7 Oct 2015 a</Entry></Row>
              ...
        </Participants>
        <Declarations>...</Declarations>   (free text; not parsed here)
        <EndNotes>...</EndNotes>

Cells are "D Mon YYYY" with tabs or padding spaces; a trailing code gives the kind of
instrument (a = accession, A = acceptance, AA = approval, none = ratification).
Footnote markers appear as escaped ``<superscript>n</superscript>`` text inside names.
A CSV rendering of the same table (Participant / Signature / Accession(a), Ratification
columns, e.g. an Excel export saved as CSV) is accepted as well.

The file carries neither Art. 12 / Art. 13(7) declarations in a structured form nor
OPSC/OPAC status, so those columns are returned empty. Entry into force is computed
from OPIC Art. 19: 14 April 2014 for the instruments deposited up to and including the
tenth one (Costa Rica, 14 January 2014), otherwise three calendar months after deposit,
clamped to the end of the month.

Pure standard library; no Django import, so the management command and tests can use
it without settings.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

__all__ = [
    "COLUMNS",
    "COUNTRY_ISO3",
    "GENERAL_ENTRY_INTO_FORCE",
    "TENTH_INSTRUMENT_DATE",
    "entry_into_force",
    "iso3_for",
    "parse_untc_export",
]

#: Column order of complaints/data/opic_states.csv; every returned row has exactly these keys.
COLUMNS: Final[tuple[str, ...]] = (
    "iso3",
    "name",
    "opic_status",
    "signature_date",
    "deposit_date",
    "deposit_kind",
    "entry_into_force_date",
    "art12_declaration",
    "art13_7_declaration",
    "opsc_party",
    "opac_party",
    "source",
    # Added later (after ``source``, so that older files keep their column order):
    "opsc_in_force_on",
    "opac_in_force_on",
    "denunciation_received_on",  # OPIC art. 22(1): takes effect one year after receipt
    "denunciation_effective_on",
    "reservations",  # reservations and declarations, as text (e.g. a territorial statement)
    "reservations_source",
)

#: OPIC Art. 19(1): in force three months after the tenth instrument (Costa Rica, 14 Jan 2014).
GENERAL_ENTRY_INTO_FORCE: Final = date(2014, 4, 14)
TENTH_INSTRUMENT_DATE: Final = date(2014, 1, 14)

ROW_SOURCE: Final = (
    "UNTC MTDSG IV-11-d export; entry_into_force_date computed (Art. 19); "
    "declarations and OPSC/OPAC not carried by this file"
)

_DEPOSIT_KINDS: Final[Mapping[str, str]] = {
    "": "ratification",
    "a": "accession",
    "A": "acceptance",
    "AA": "approval",
}

_MONTHS: Final[Mapping[str, int]] = {
    name.lower(): number
    for number, name in enumerate(calendar.month_abbr)
    if name  # calendar.month_abbr[0] is ''
} | {"sept": 9}

_DATE_RE: Final = re.compile(
    r"^\[?\s*(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4})"
    r"(?:\s+(?P<code>[A-Za-z]{1,2}))?\s*\]?$"
)
_SUPERSCRIPT_RE: Final = re.compile(r"<\s*(superscript|sup)\s*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG_RE: Final = re.compile(r"<[^>]*>")
_TRAILING_FOOTNOTE_RE: Final = re.compile(r"(?:\s*\d+\s*,?)+$")


# ISO 3166-1 alpha-3 codes for every UN member State, the two observer States and the
# two non-member States (Cook Islands, Niue) that take part in UN treaties. Keys are
# names as the UN Treaty Collection writes them; variants seen in older exports and in
# common usage are listed too. Lookup goes through _fold(), so case, accents, a leading
# "the" and punctuation do not matter.
COUNTRY_ISO3: Final[Mapping[str, str]] = {
    "Afghanistan": "AFG",
    "Albania": "ALB",
    "Algeria": "DZA",
    "Andorra": "AND",
    "Angola": "AGO",
    "Antigua and Barbuda": "ATG",
    "Argentina": "ARG",
    "Armenia": "ARM",
    "Australia": "AUS",
    "Austria": "AUT",
    "Azerbaijan": "AZE",
    "Bahamas": "BHS",
    "Bahrain": "BHR",
    "Bangladesh": "BGD",
    "Barbados": "BRB",
    "Belarus": "BLR",
    "Belgium": "BEL",
    "Belize": "BLZ",
    "Benin": "BEN",
    "Bhutan": "BTN",
    "Bolivia (Plurinational State of)": "BOL",
    "Bolivia": "BOL",
    "Bosnia and Herzegovina": "BIH",
    "Botswana": "BWA",
    "Brazil": "BRA",
    "Brunei Darussalam": "BRN",
    "Bulgaria": "BGR",
    "Burkina Faso": "BFA",
    "Burundi": "BDI",
    "Cabo Verde": "CPV",
    "Cape Verde": "CPV",
    "Cambodia": "KHM",
    "Cameroon": "CMR",
    "Canada": "CAN",
    "Central African Republic": "CAF",
    "Chad": "TCD",
    "Chile": "CHL",
    "China": "CHN",
    "Colombia": "COL",
    "Comoros": "COM",
    "Congo": "COG",
    "Cook Islands": "COK",
    "Costa Rica": "CRI",
    "Côte d'Ivoire": "CIV",
    "Croatia": "HRV",
    "Cuba": "CUB",
    "Cyprus": "CYP",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Democratic People's Republic of Korea": "PRK",
    "Democratic Republic of the Congo": "COD",
    "Denmark": "DNK",
    "Djibouti": "DJI",
    "Dominica": "DMA",
    "Dominican Republic": "DOM",
    "Ecuador": "ECU",
    "Egypt": "EGY",
    "El Salvador": "SLV",
    "Equatorial Guinea": "GNQ",
    "Eritrea": "ERI",
    "Estonia": "EST",
    "Eswatini": "SWZ",
    "Swaziland": "SWZ",
    "Ethiopia": "ETH",
    "Fiji": "FJI",
    "Finland": "FIN",
    "France": "FRA",
    "Gabon": "GAB",
    "Gambia": "GMB",
    "Georgia": "GEO",
    "Germany": "DEU",
    "Ghana": "GHA",
    "Greece": "GRC",
    "Grenada": "GRD",
    "Guatemala": "GTM",
    "Guinea": "GIN",
    "Guinea-Bissau": "GNB",
    "Guyana": "GUY",
    "Haiti": "HTI",
    "Holy See": "VAT",
    "Honduras": "HND",
    "Hungary": "HUN",
    "Iceland": "ISL",
    "India": "IND",
    "Indonesia": "IDN",
    "Iran (Islamic Republic of)": "IRN",
    "Iraq": "IRQ",
    "Ireland": "IRL",
    "Israel": "ISR",
    "Italy": "ITA",
    "Jamaica": "JAM",
    "Japan": "JPN",
    "Jordan": "JOR",
    "Kazakhstan": "KAZ",
    "Kenya": "KEN",
    "Kiribati": "KIR",
    "Kuwait": "KWT",
    "Kyrgyzstan": "KGZ",
    "Lao People's Democratic Republic": "LAO",
    "Latvia": "LVA",
    "Lebanon": "LBN",
    "Lesotho": "LSO",
    "Liberia": "LBR",
    "Libya": "LBY",
    "Liechtenstein": "LIE",
    "Lithuania": "LTU",
    "Luxembourg": "LUX",
    "Madagascar": "MDG",
    "Malawi": "MWI",
    "Malaysia": "MYS",
    "Maldives": "MDV",
    "Mali": "MLI",
    "Malta": "MLT",
    "Marshall Islands": "MHL",
    "Mauritania": "MRT",
    "Mauritius": "MUS",
    "Mexico": "MEX",
    "Micronesia (Federated States of)": "FSM",
    "Monaco": "MCO",
    "Mongolia": "MNG",
    "Montenegro": "MNE",
    "Morocco": "MAR",
    "Mozambique": "MOZ",
    "Myanmar": "MMR",
    "Namibia": "NAM",
    "Nauru": "NRU",
    "Nepal": "NPL",
    "Netherlands (Kingdom of the)": "NLD",
    "Netherlands": "NLD",
    "New Zealand": "NZL",
    "Nicaragua": "NIC",
    "Niger": "NER",
    "Nigeria": "NGA",
    "Niue": "NIU",
    "North Macedonia": "MKD",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Norway": "NOR",
    "Oman": "OMN",
    "Pakistan": "PAK",
    "Palau": "PLW",
    "Panama": "PAN",
    "Papua New Guinea": "PNG",
    "Paraguay": "PRY",
    "Peru": "PER",
    "Philippines": "PHL",
    "Poland": "POL",
    "Portugal": "PRT",
    "Qatar": "QAT",
    "Republic of Korea": "KOR",
    "Republic of Moldova": "MDA",
    "Romania": "ROU",
    "Russian Federation": "RUS",
    "Rwanda": "RWA",
    "Saint Kitts and Nevis": "KNA",
    "Saint Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT",
    "Samoa": "WSM",
    "San Marino": "SMR",
    "Sao Tome and Principe": "STP",
    "Saudi Arabia": "SAU",
    "Senegal": "SEN",
    "Serbia": "SRB",
    "Seychelles": "SYC",
    "Sierra Leone": "SLE",
    "Singapore": "SGP",
    "Slovakia": "SVK",
    "Slovenia": "SVN",
    "Solomon Islands": "SLB",
    "Somalia": "SOM",
    "South Africa": "ZAF",
    "South Sudan": "SSD",
    "Spain": "ESP",
    "Sri Lanka": "LKA",
    "State of Palestine": "PSE",
    "Sudan": "SDN",
    "Suriname": "SUR",
    "Sweden": "SWE",
    "Switzerland": "CHE",
    "Syrian Arab Republic": "SYR",
    "Tajikistan": "TJK",
    "Thailand": "THA",
    "Timor-Leste": "TLS",
    "Togo": "TGO",
    "Tonga": "TON",
    "Trinidad and Tobago": "TTO",
    "Tunisia": "TUN",
    "Türkiye": "TUR",
    "Turkey": "TUR",
    "Turkmenistan": "TKM",
    "Tuvalu": "TUV",
    "Uganda": "UGA",
    "Ukraine": "UKR",
    "United Arab Emirates": "ARE",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "United Kingdom": "GBR",
    "United Republic of Tanzania": "TZA",
    "United States of America": "USA",
    "Uruguay": "URY",
    "Uzbekistan": "UZB",
    "Vanuatu": "VUT",
    "Venezuela (Bolivarian Republic of)": "VEN",
    "Viet Nam": "VNM",
    "Yemen": "YEM",
    "Zambia": "ZMB",
    "Zimbabwe": "ZWE",
}


def _fold(name: str) -> str:
    """Comparison key for a participant name: no accents, case, 'the', punctuation."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", " ", ascii_name.casefold()).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


_ISO3_BY_KEY: Final[Mapping[str, str]] = {_fold(name): code for name, code in COUNTRY_ISO3.items()}


def iso3_for(name: str) -> str | None:
    """ISO 3166-1 alpha-3 code for a UN Treaty Collection participant name, or None."""
    return _ISO3_BY_KEY.get(_fold(_clean_name(name)))


def entry_into_force(deposit: date) -> date:
    """Date OPIC enters into force for a State that deposited its instrument on ``deposit``.

    Art. 19(1): 14 April 2014 for the first ten instruments (the tenth was deposited on
    14 January 2014). Art. 19(2): otherwise three calendar months after the deposit; a day
    that does not exist in the target month is clamped to that month's last day.
    """
    if deposit <= TENTH_INSTRUMENT_DATE:
        return GENERAL_ENTRY_INTO_FORCE
    month_index = deposit.month - 1 + 3
    year = deposit.year + month_index // 12
    month = month_index % 12 + 1
    day = min(deposit.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@dataclass(frozen=True)
class _Cell:
    day: date
    code: str


def _clean_text(text: str) -> str:
    text = text.replace("\xa0", " ")
    return " ".join(text.split())


def _clean_name(raw: str) -> str:
    """Drop footnote markers (escaped or real <superscript>) and trailing note numbers."""
    text = _SUPERSCRIPT_RE.sub("", raw)
    text = _TAG_RE.sub("", text)
    text = _clean_text(text)
    return _TRAILING_FOOTNOTE_RE.sub("", text).strip()


def _parse_cell(raw: str, *, participant: str, column: str) -> _Cell | None:
    text = _clean_text(_TAG_RE.sub("", _SUPERSCRIPT_RE.sub("", raw)))
    if not text:
        return None
    match = _DATE_RE.match(text)
    if match is None:
        raise ValueError(f"{participant}: cannot read the {column} cell {text!r} as 'D Mon YYYY [code]'")
    month = _MONTHS.get(match["month"].lower()[:4]) or _MONTHS.get(match["month"].lower()[:3])
    if month is None:
        raise ValueError(f"{participant}: unknown month {match['month']!r} in the {column} cell {text!r}")
    try:
        day = date(int(match["year"]), month, int(match["day"]))
    except ValueError as error:
        raise ValueError(f"{participant}: impossible date {text!r} in the {column} cell") from error
    return _Cell(day=day, code=match["code"] or "")


@dataclass(frozen=True)
class _Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title_text: str
    declared_signatories: int | None
    declared_parties: int | None
    from_csv: bool = False


def _element_text(element: ET.Element) -> str:
    """Text of an element, leaving out real <superscript>/<sup> children (footnote marks)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag.lower() not in {"superscript", "sup"}:
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find_first(root: ET.Element, name: str) -> ET.Element | None:
    for element in root.iter():
        if _local(element.tag) == name:
            return element
    return None


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _count(root: ET.Element, name: str) -> int | None:
    status = _find_first(root, "Status")
    if status is None:
        return None
    element = next(iter(_children(status, name)), None)
    if element is None:
        return None
    text = _clean_text(_element_text(element))
    return int(text) if text.isdigit() else None


def _read_xml(data: bytes) -> _Table:
    if re.search(rb"<!ENTITY", data[:4096]):
        raise ValueError("refusing an XML file that declares entities; a UNTC export declares none")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise ValueError(f"not well-formed XML: {error}") from error
    participants = _find_first(root, "Participants")
    if participants is None:
        raise ValueError("no <Participants> element: this is not a UNTC MTDSG status export")
    head = next((e for e in participants.iter() if _local(e.tag) == "Thead"), None)
    body = next((e for e in participants.iter() if _local(e.tag) == "Tbody"), None)
    if head is None or body is None:
        raise ValueError("the <Participants> table has no <Thead> or no <Tbody>")
    header_row = next((e for e in head.iter() if _local(e.tag) == "Row"), None)
    if header_row is None:
        raise ValueError("the <Participants> table has no header <Row>")
    header = tuple(_clean_text(_element_text(e)) for e in _children(header_row, "Entry"))
    rows = tuple(
        tuple(_element_text(e) for e in _children(row, "Entry"))
        for row in body.iter()
        if _local(row.tag) == "Row"
    )
    title_parts = [
        _element_text(e) for e in root.iter() if _local(e.tag) in {"Titlesect", "Title", "Name", "Titles"}
    ]
    return _Table(
        header=header,
        rows=rows,
        title_text=" ".join(title_parts),
        declared_signatories=_count(root, "Signatories"),
        declared_parties=_count(root, "Parties"),
    )


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_like_header(cells: Sequence[str]) -> bool:
    folded = [_fold(cell) for cell in cells]
    return (
        len(folded) >= 3
        and folded[0].startswith("participant")
        and any(cell.startswith("signature") for cell in folded)
    )


def _read_csv(data: bytes) -> _Table:
    text = _decode(data)
    lines = text.splitlines()
    # An Excel export may carry the treaty title on the lines above the table.
    start = next((i for i, line in enumerate(lines) if _fold(line).startswith("participant")), None)
    if start is None:
        raise ValueError("no 'Participant' header line: this is not a UNTC participant table")
    delimiter = next(
        (
            candidate
            for candidate in ("\t", ";", ",")
            if _looks_like_header(next(csv.reader([lines[start]], delimiter=candidate)))
        ),
        ",",
    )
    records = [
        row for row in csv.reader(io.StringIO("\n".join(lines[start:])), delimiter=delimiter) if any(row)
    ]
    header = tuple(_clean_text(cell) for cell in records[0])
    return _Table(
        header=header,
        rows=tuple(tuple(row) for row in records[1:]),
        title_text=" ".join(lines[:start]),
        declared_signatories=None,
        declared_parties=None,
        from_csv=True,
    )


def _columns(header: Sequence[str]) -> tuple[int, int, int]:
    folded = [_fold(cell) for cell in header]
    if not folded or not folded[0].startswith("participant"):
        raise ValueError(f"the first column must be 'Participant', found {list(header)!r}")
    signature = next((i for i, cell in enumerate(folded) if cell.startswith("signature")), None)
    deposit = next(
        (
            i
            for i, cell in enumerate(folded)
            if re.search(r"\b(ratification|accession|acceptance|approval)\b", cell)
        ),
        None,
    )
    if signature is None or deposit is None:
        raise ValueError(
            "the participant table needs a 'Signature' column and an 'Accession(a), Ratification' "
            f"column, found {list(header)!r}"
        )
    return 0, signature, deposit


def _is_opic(title_text: str) -> bool:
    folded = _fold(title_text)
    return "rights of the child" in folded and "communications procedure" in folded


def _untitled_opic_csv(table: _Table) -> bool:
    """A bare CSV table (no title lines) is accepted only with OPIC's own column headings."""
    if not table.from_csv or _clean_text(table.title_text):
        return False
    return [_fold(cell) for cell in table.header] == ["participant", "signature", "accession a ratification"]


def _rows(table: _Table) -> list[dict[str, str]]:
    name_col, signature_col, deposit_col = _columns(table.header)
    result: list[dict[str, str]] = []
    seen: set[str] = set()
    for cells in table.rows:
        if not any(_clean_text(cell) for cell in cells):
            continue
        if len(cells) <= max(name_col, signature_col, deposit_col):
            raise ValueError(
                f"participant row {list(cells)!r} has {len(cells)} cells, expected {len(table.header)}"
            )
        name = _clean_name(cells[name_col])
        if not name:
            raise ValueError(f"participant row {list(cells)!r} has no participant name")
        iso3 = iso3_for(name)
        if iso3 is None:
            raise ValueError(
                f"unknown participant name {name!r}: add it to COUNTRY_ISO3 in complaints/treaty/importer.py"
            )
        if iso3 in seen:
            raise ValueError(f"participant {name!r} ({iso3}) appears twice")
        seen.add(iso3)
        signature = _parse_cell(cells[signature_col], participant=name, column="signature")
        deposit = _parse_cell(cells[deposit_col], participant=name, column="ratification/accession")
        if signature is not None and signature.code:
            raise ValueError(f"{name}: unexpected code {signature.code!r} in the signature cell")
        if deposit is None and signature is None:
            raise ValueError(f"{name}: neither a signature nor a deposit date")
        kind = ""
        if deposit is not None:
            if deposit.code not in _DEPOSIT_KINDS:
                raise ValueError(
                    f"{name}: unsupported instrument code {deposit.code!r} "
                    "(expected none = ratification, a, A or AA)"
                )
            kind = _DEPOSIT_KINDS[deposit.code]
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            iso3=iso3,
            name=name,
            opic_status="party" if deposit is not None else "signatory",
            signature_date=signature.day.isoformat() if signature else "",
            deposit_date=deposit.day.isoformat() if deposit else "",
            deposit_kind=kind,
            entry_into_force_date=entry_into_force(deposit.day).isoformat() if deposit else "",
            source=ROW_SOURCE,
        )
        result.append(row)
    if not result:
        raise ValueError("the participant table has no rows")
    return result


def _check_counts(table: _Table, rows: Iterable[Mapping[str, str]]) -> None:
    materialised = list(rows)
    parties = sum(1 for row in materialised if row["opic_status"] == "party")
    signatories = sum(1 for row in materialised if row["signature_date"])
    if table.declared_parties is not None and table.declared_parties != parties:
        raise ValueError(
            f"the export declares {table.declared_parties} parties but its table has {parties} rows "
            "with a ratification/accession date"
        )
    if table.declared_signatories is not None and table.declared_signatories != signatories:
        raise ValueError(
            f"the export declares {table.declared_signatories} signatories but its table has "
            f"{signatories} rows with a signature date"
        )


def parse_untc_export(data: bytes) -> list[dict[str, str]]:
    """Rows for complaints/data/opic_states.csv read from a UNTC IV-11-d export.

    ``data`` is the XML status file (iv-11-d.en.xml) or a CSV rendering of its
    participant table. Each row has exactly the keys in :data:`COLUMNS`; the declaration
    and OPSC/OPAC columns are '' because the export does not carry them.

    Raises ValueError, with a message naming the problem, for anything that is not the
    OPIC status export: not XML/CSV, no participant table, another treaty's table, an
    unreadable date, an unknown participant name or counts that contradict the header.
    """
    if not data.strip():
        raise ValueError("the export file is empty")
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    table = _read_xml(data) if stripped.startswith(b"<") else _read_csv(data)
    if not _is_opic(table.title_text) and not _untitled_opic_csv(table):
        raise ValueError(
            "this is not the OPIC export (MTDSG IV-11-d): the title does not name the Optional Protocol "
            "to the Convention on the Rights of the Child on a communications procedure"
        )
    rows = _rows(table)
    _check_counts(table, rows)
    return rows
