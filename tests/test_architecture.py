"""The layers of the code and the direction of its imports.

admissibility (pure) <- domain (models, permissions, rules) <- services and selectors
<- entry points (views, API, admin, tasks, forms, templates' tags). Nothing imports upwards, and
no two modules of complaints/ import each other, directly or round a loop, not even from inside
a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

DOMAIN = {
    "adapters",
    "audit.chain",
    "audit.context",
    "audit.models",
    "cldr",
    "deadlines.geneva",
    "deadlines.rules",
    "decisions.models",
    "deadlines.sources",
    "language.citations",
    "language.durations",
    "timeline.texts",
    "dossiers.labels",
    "dossiers.model_form",
    "dossiers.signature",
    "filing.help",
    "crypto",
    "crypto.blind_index",
    "crypto.fields",
    "crypto.keys",
    "crypto.storage",
    "json_input",
    "mail",
    "models",
    "permissions",
    "filing.rights",
    "filing.textlang",
    "treaty.importer",
    "filing.wizard",
    "privacy.redaction",
    "settlements.models",
    "explainer.content",
    "storage",
}
SERVICES = {
    "deadlines.calendar",
    "casework.services",
    "childaccounts.services",
    "deadlines.services",
    "decisions.importer",
    "decisions.selectors",
    "dispatch.services",
    "filing.completeness",
    "filing.documents",
    "dossiers.services",
    "casework.filters",
    "audit.services",
    "crypto.rotation",
    "crypto.search_index",
    "health",
    "invitations.services",
    "lifecycle",
    "casework.pagination",
    "review.services",
    "privacy.erasure",
    "privacy.export",
    "selectors",
    "services",
    "settlements.services",
    "explainer.eligibility",
    "explainer.leaflets",
    "filing.submission",
    "signing.services",
    "treaty.status",
    "inquiries.services",
    "inquiries.selectors",
}
# The small core that stays at the top of complaints/; everything else lives in a package per
# capability (README, Architecture).
CORE = {
    "adapters",
    "admin",
    "apps",
    "cldr",
    "context_processors",
    "health",
    "json_input",
    "lifecycle",
    "mail",
    "middleware",
    "models",
    "permissions",
    "selectors",
    "services",
    "tasks",
    "urls",
}
# Everything else in complaints/ is an entry point: views, API, admin, tasks, forms, tags, URLs.
LAYER = {**dict.fromkeys(DOMAIN, 1), **dict.fromkeys(SERVICES, 2)}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / "complaints").rglob("*.py")):
        if "migrations" not in path.parts:
            found[module_name(path)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every complaints module ``name`` imports, at the top or inside a function."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            # `from package import module` imports the module, not the package's __init__
            targets = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                for alias in node.names
            ]
        for target in targets:
            if target in known and target != name:
                found.add(target)
    return found


def layer(name: str) -> int:
    if not name.startswith("complaints."):
        return 0
    short = name.removeprefix("complaints.")
    return LAYER.get(short, 3)


GRAPH = {name: imports_of(name, path, set(modules())) for name, path in modules().items()}


def test_every_module_of_the_domain_and_services_lists_exists() -> None:
    names = {name.removeprefix("complaints.") for name in GRAPH}
    assert names >= (DOMAIN | SERVICES)


def test_only_the_core_sits_at_the_top_of_complaints() -> None:
    top = {path.stem for path in (ROOT / "complaints").glob("*.py")} - {"__init__"}
    assert top == CORE


@pytest.mark.parametrize("name", sorted(GRAPH))
def test_no_module_imports_a_layer_above_its_own(name: str) -> None:
    upward = sorted(target for target in GRAPH[name] if layer(target) > layer(name))
    assert not upward, f"{name} (layer {layer(name)}) imports {upward}"


def test_no_modules_import_each_other_round_a_loop() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert loops == []


def test_the_admissibility_engine_imports_nothing_of_the_portal() -> None:
    for path in (ROOT / "admissibility").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                )
                for imported in names:
                    assert not imported.startswith(("django", "complaints", "portal", "rest_framework")), (
                        f"{path.name} imports {imported}"
                    )


def test_no_source_or_template_holds_a_merge_conflict_marker() -> None:
    markers = ("<<<<<<< ", ">>>>>>> ")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("complaints", "portal", "admissibility", "templates", "static", "tests", "bench")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt", ".css", ".js", ".md"} and "vendor" not in path.parts
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1)
        if line.startswith(markers)
    ]
    assert found == []
