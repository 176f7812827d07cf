"""A checker of the machine-checkable conditions of PDF/UA-1 (ISO 14289-1), for the dossier tests.

veraPDF, the reference validator, is a Java program distributed through Maven and its own site,
neither of which this project installs from; no Debian, PyPI or npm package bundles it. So this
module checks, with pikepdf, the conditions of the Matterhorn Protocol (the PDF Association's list of
PDF/UA-1 failure conditions) that a program can decide and that a dossier can break. Each finding
names its checkpoint; the rule texts follow veraPDF's PDF/UA-1 profile
(veraPDF-validation-profiles, ``PDF_UA/PDFUA-1.xml``) and ISO 14289-1:2014:

- 01-005  content is neither tagged real content (a marked-content sequence with an MCID that the
          structure tree reaches) nor an Artifact; 01-003 / 01-004: an Artifact inside tagged
          content, or tagged content inside an Artifact;
- 01-006/7 the document is not marked as tagged (/MarkInfo /Marked true), or has no structure
          tree with a ParentTree;
- 06-001..003 no XMP metadata, no PDF/UA identifier (pdfuaid:part = 1), no dc:title;
- 07-001/002 /ViewerPreferences /DisplayDocTitle is missing or false;
- 11-006  the natural language of the document (/Lang in the catalog) is not set;
- 13-004  a Figure has no alternative text (/Alt, or /ActualText);
- 14-002/003 the first heading is not H1, or a heading level is skipped (H1 then H3);
- 15-xxx  a table's rows are not TR (directly or through THead/TBody/TFoot), a row's cells are
          not TH/TD, a cell is outside a row, or a table has no header cell;
- 28-002/004/009/011 an annotation is not tagged (no OBJR from a structure element, a link not in
          a Link element), has no /Contents, or its page has no /Tabs /S;
- 31-009  a font used by the page content is not embedded.

What a program cannot decide (whether an alternative text is good, whether the reading order is
the logical one, whether the declared language is the right one for each passage) is left to
people. A clean result means these conditions hold, not that the file is PDF/UA conformant.

    python -m tests.pdfua FILE.pdf   # prints the findings, exits 1 when there are any
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pikepdf

# Content operators that paint something on the page (ISO 32000-1, 8.2 table 51): text showing,
# path painting, shadings and XObjects (images and forms).
PAINTING = frozenset(
    {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "INLINE IMAGE"}
)
# The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which need no role map entry.
_STANDARD = """Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2
H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link
Annot Ruby RB RT RP Warichu WT WP Figure Formula Form"""
STANDARD_TYPES = frozenset(_STANDARD.split())
HEADING = re.compile(r"^H([1-6])$")


@dataclass(frozen=True)
class Finding:
    checkpoint: str
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.checkpoint} {self.where}: {self.problem}"


def _name(value: Any) -> str:
    return str(value)[1:] if isinstance(value, pikepdf.Name) else str(value)


def _truthy(value: Any) -> bool:
    return value is not None and bool(value) and str(value).lower() != "false"


class _Tree:
    """The structure tree: every element reachable from the root, and what each marked-content id maps to."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        root = pdf.Root.get("/StructTreeRoot")
        self.root = root
        role_map = root.get("/RoleMap") if root is not None else None
        self.role_map = {_name(k): _name(v) for k, v in role_map.items()} if role_map is not None else {}
        self.elements: list[Any] = []  # in document (depth-first) order
        self.reached: set[tuple[Any, int]] = set()  # (page objgen, mcid) reached from the root
        self.annotations: dict[tuple[int, int], str] = {}  # annotation objgen -> structure type
        if root is not None and "/K" in root:
            self._walk(root.K, None, set())

    def role(self, element: Any) -> str:
        kind = _name(element.get("/S", ""))
        seen = set()
        while kind not in STANDARD_TYPES and kind in self.role_map and kind not in seen:
            seen.add(kind)
            kind = self.role_map[kind]
        return kind

    def _kids(self, value: Any) -> list[Any]:
        if isinstance(value, pikepdf.Array):
            return list(value)
        return [value]

    def _walk(self, value: Any, page: Any, seen: set[tuple[int, int]]) -> None:
        for kid in self._kids(value):
            if isinstance(kid, int):  # an MCID on the page of its parent
                if page is not None:
                    self.reached.add((page.objgen, int(kid)))
                continue
            if not isinstance(kid, pikepdf.Dictionary):
                continue
            kind = _name(kid.get("/Type", ""))
            if kind == "/MCR" or kind == "MCR":
                mcr_page = kid.get("/Pg", page)
                if mcr_page is not None:
                    self.reached.add((mcr_page.objgen, int(kid.MCID)))
                continue
            if kind in ("/OBJR", "OBJR"):  # its element was recorded by the parent
                self.annotations.setdefault(kid.Obj.objgen, "?")
                continue
            if kid.is_indirect:
                if kid.objgen in seen:
                    continue
                seen.add(kid.objgen)
            self.elements.append(kid)
            own_page = kid.get("/Pg", page)
            for grandchild in self._kids(kid.get("/K", pikepdf.Array())):
                if (
                    isinstance(grandchild, pikepdf.Dictionary)
                    and _name(grandchild.get("/Type", "")) == "OBJR"
                ):
                    self.annotations[grandchild.Obj.objgen] = self.role(kid)
            if "/K" in kid:
                self._walk(kid.K, own_page, seen)


def _fonts(resources: Any, seen: set[tuple[int, int]]) -> Iterator[tuple[str, Any]]:
    """Yield (name, font) for every font the resources use, through Form XObjects and Type 3 glyphs."""
    if resources is None:
        return
    for name, font in (resources.get("/Font") or {}).items():
        if font.is_indirect:
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
        yield name, font
        if _name(font.get("/Subtype", "")) == "Type3":
            yield from _fonts(font.get("/Resources"), seen)
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.is_indirect:
            if xobject.objgen in seen:
                continue
            seen.add(xobject.objgen)
        if _name(xobject.get("/Subtype", "")) == "Form":
            yield from _fonts(xobject.get("/Resources"), seen)


def _embedded(font: Any) -> bool:
    subtype = _name(font.get("/Subtype", ""))
    if subtype == "Type3":
        return True
    if subtype == "Type0":
        return all(_embedded(descendant) for descendant in font.get("/DescendantFonts", []))
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _check_document(pdf: pikepdf.Pdf) -> Iterator[Finding]:
    root = pdf.Root
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not _truthy(mark_info.get("/Marked")):
        yield Finding("01-007", "catalog", "/MarkInfo /Marked is not true")
    tree_root = root.get("/StructTreeRoot")
    if tree_root is None:
        yield Finding("01-006", "catalog", "no /StructTreeRoot")
    elif "/ParentTree" not in tree_root:
        yield Finding("01-006", "StructTreeRoot", "no /ParentTree")
    if not str(root.get("/Lang", "")).strip():
        yield Finding("11-006", "catalog", "no /Lang: the natural language of the document is not set")
    preferences = root.get("/ViewerPreferences")
    if preferences is None or "/DisplayDocTitle" not in preferences:
        yield Finding("07-001", "catalog", "/ViewerPreferences has no /DisplayDocTitle")
    elif not _truthy(preferences.DisplayDocTitle):
        yield Finding("07-002", "catalog", "/ViewerPreferences /DisplayDocTitle is false")
    if "/Metadata" not in root:
        yield Finding("06-001", "catalog", "no XMP metadata stream")
        return
    with pdf.open_metadata() as xmp:
        part = xmp.get("pdfuaid:part")
        title = xmp.get("dc:title")
    if str(part or "").strip() != "1":
        yield Finding("06-002", "XMP", f"the PDF/UA identifier pdfuaid:part is {part!r}, not 1")
    if not str(title or "").strip():
        yield Finding("06-003", "XMP", "no dc:title")
    if pdf.is_encrypted and not pdf.allow.accessibility:
        yield Finding("07-003", "trailer", "encrypted without the permission for assistive technology")


def _check_structure(tree: _Tree) -> Iterator[Finding]:
    previous_level = 0
    for element in tree.elements:
        kind = tree.role(element)
        where = f"{kind} element"
        if kind not in STANDARD_TYPES:
            yield Finding("02-001", where, f"structure type /{kind} is not mapped to a standard type")
        if kind == "Figure" and not (str(element.get("/Alt", "")) or str(element.get("/ActualText", ""))):
            yield Finding("13-004", where, "a Figure without alternative text (/Alt)")
        heading = HEADING.match(kind)
        if heading:
            level = int(heading.group(1))
            if previous_level == 0 and level != 1:
                yield Finding("14-002", where, f"the first heading is H{level}, not H1")
            elif level > previous_level + 1:
                yield Finding(
                    "14-003", where, f"H{previous_level} is followed by H{level}: a level is skipped"
                )
            previous_level = level
        kids = [
            k for k in tree._kids(element.get("/K", pikepdf.Array())) if isinstance(k, pikepdf.Dictionary)
        ]
        structural = [k for k in kids if _name(k.get("/Type", "StructElem")) == "StructElem"]
        if kind == "Table":
            rows = []
            for kid in structural:
                kid_kind = tree.role(kid)
                if kid_kind in ("THead", "TBody", "TFoot"):
                    rows += [
                        k
                        for k in tree._kids(kid.get("/K", pikepdf.Array()))
                        if isinstance(k, pikepdf.Dictionary)
                    ]
                elif kid_kind != "Caption":
                    rows.append(kid)
            if any(tree.role(row) != "TR" for row in rows):
                yield Finding("15-xxx", where, "a table holds something other than rows (TR)")
            cells = [
                cell
                for row in rows
                for cell in tree._kids(row.get("/K", pikepdf.Array()))
                if isinstance(cell, pikepdf.Dictionary)
            ]
            if any(tree.role(cell) not in ("TH", "TD") for cell in cells):
                yield Finding("15-xxx", where, "a table row holds something other than cells (TH, TD)")
            if not any(tree.role(cell) == "TH" for cell in cells):
                yield Finding("15-xxx", where, "a table has no header cell (TH)")
        if kind in ("TH", "TD"):
            parent = element.get("/P")
            if parent is None or tree.role(parent) != "TR":
                yield Finding("15-xxx", where, "a table cell outside a row (TR)")


def _check_pages(pdf: pikepdf.Pdf, tree: _Tree) -> Iterator[Finding]:
    seen_fonts: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, start=1):
        where = f"page {number}"
        annotations = [a for a in page.obj.get("/Annots", []) if _name(a.get("/Subtype", "")) != "Popup"]
        if annotations and _name(page.obj.get("/Tabs", "")) != "S":
            yield Finding("28-009", where, "a page with annotations has no /Tabs /S")
        for annotation in annotations:
            subtype = _name(annotation.get("/Subtype", ""))
            if not str(annotation.get("/Contents", "")).strip() and subtype not in ("Widget", "PrinterMark"):
                yield Finding("28-004", where, f"a {subtype} annotation has no /Contents")
            tagged_as = tree.annotations.get(annotation.objgen)
            if tagged_as is None:
                yield Finding("28-002", where, f"a {subtype} annotation is not in the structure tree")
            elif subtype == "Link" and tagged_as != "Link":
                yield Finding("28-011", where, f"a link annotation is tagged as {tagged_as}, not Link")
        for name, font in _fonts(page.obj.get("/Resources"), seen_fonts):
            if not _embedded(font):
                yield Finding("31-009", where, f"font {name} ({font.get('/BaseFont', '?')}) is not embedded")
        yield from _check_content(page, where, tree)


def _check_content(page: Any, where: str, tree: _Tree) -> Iterator[Finding]:
    """Walk the page's marked content: what paints must be in an Artifact or in an MCID the tree reaches."""
    stack: list[tuple[str, int | None]] = []  # (tag, mcid) of the open marked-content sequences
    untagged = 0
    unreached: set[int] = set()
    nested = 0
    for instruction in pikepdf.parse_content_stream(page):
        operands, op = instruction.operands, str(instruction.operator)
        if op in ("BMC", "BDC"):
            tag = _name(operands[0])
            mcid = None
            if op == "BDC":
                properties = operands[1]
                if isinstance(properties, pikepdf.Name):  # named in the page's /Properties
                    properties = page.obj.Resources.Properties[str(properties)]
                if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    mcid = int(properties.MCID)
            inside_artifact = any(t == "Artifact" for t, _ in stack)
            inside_tagged = any(m is not None for _, m in stack)
            if (tag == "Artifact" and inside_tagged) or (mcid is not None and inside_artifact):
                nested += 1
            stack.append((tag, mcid))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op in PAINTING:
            if any(t == "Artifact" for t, _ in stack):
                continue
            mcids = [m for _, m in stack if m is not None]
            if not mcids:
                untagged += 1
            elif (page.objgen, mcids[-1]) not in tree.reached:
                unreached.add(mcids[-1])
    if untagged:
        yield Finding("01-005", where, f"{untagged} painting operations are neither tagged nor Artifacts")
    if unreached:
        yield Finding(
            "01-005",
            where,
            f"marked content {sorted(unreached)} is not reached from the structure tree (nor an Artifact)",
        )
    if nested:
        yield Finding("01-003", where, f"{nested} Artifacts and tagged content are nested in each other")


def check(data: bytes | str) -> list[Finding]:
    """Return what breaks the checked PDF/UA-1 conditions in the PDF ``data`` (bytes or a path)."""
    pdf = pikepdf.open(data if isinstance(data, str) else io.BytesIO(data))
    with pdf:
        tree = _Tree(pdf)
        findings = list(_check_document(pdf))
        if tree.root is not None:
            findings += _check_structure(tree)
        findings += _check_pages(pdf, tree)
    return findings


def main(paths: list[str]) -> int:
    failed = False
    for path in paths:
        findings = check(path)
        for finding in findings:
            print(f"{path}: {finding}")
        print(f"{path}: {len(findings)} findings")
        failed = failed or bool(findings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
