"""kk and ru ship complete; the dossier's languages too; and all translated text lives in gettext."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import allauth
import polib
import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import World, login

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_message_is_translated(language: str) -> None:
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]
    assert len(catalogue) > 50
    assert missing == [], f"{len(missing)} untranslated in {language}: {missing[:10]}"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_compiled_catalogue_matches_its_source(language: str) -> None:
    source = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    expected = {(e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries() if not e.msgid_plural}
    actual = {(e.msgctxt, e.msgid): e.msgstr for e in compiled if not e.msgid_plural and e.msgid}
    assert expected.items() <= actual.items(), "run `make messages` to recompile the catalogues"


# ---- The dossier's catalogues: one per UN language the dossier can be written in ----

DOSSIER_LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"]


def dossier_catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "dossier.po"))


@pytest.mark.django_db
def test_every_language_a_dossier_can_be_written_in_has_a_dossier_catalogue() -> None:
    from complaints.models import Communication

    assert sorted(Communication.DossierLanguage.values) == sorted(DOSSIER_LANGUAGES)
    for language in DOSSIER_LANGUAGES:
        assert len(dossier_catalogue(language)) > 100, language


@pytest.mark.parametrize("language", ["ru", "fr", "es"])
def test_the_russian_french_and_spanish_dossier_catalogues_translate_every_label(language: str) -> None:
    from complaints.dossier_labels import LABELLED_LANGUAGES, LABELS

    assert language in LABELLED_LANGUAGES
    catalogue = dossier_catalogue(language)
    assert {(entry.msgctxt, entry.msgid) for entry in catalogue} == set(LABELS.items())
    missing = [entry.msgctxt for entry in catalogue if not entry.translated()]
    assert missing == [], f"{len(missing)} labels untranslated in {language}: {missing[:10]}"
    for entry in catalogue:
        assert re.findall(r"\{\w*\}", entry.msgstr) == re.findall(r"\{\w*\}", entry.msgid), entry.msgctxt


@pytest.mark.parametrize("language", DOSSIER_LANGUAGES)
def test_the_compiled_dossier_catalogue_matches_its_source(language: str) -> None:
    source = dossier_catalogue(language)
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "dossier.mo"))
    expected = {(e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries()}
    actual = {(e.msgctxt, e.msgid): e.msgstr for e in compiled if e.msgid}
    assert expected.items() <= actual.items(), "run `make messages` to recompile the catalogues"


# ---- One translation system: no translated text, month names or country names in Python ----

ROOT = LOCALE.parent
CHECKED = ("admissibility", "complaints")
# Python files that may hold Cyrillic text, and why.
CYRILLIC_ALLOWED = {
    "complaints/management/commands/seed_demo.py": "the demo data: names and a story in Kazakh and Russian",
    "complaints/help.py": "the title of a source, quoted as it was published",
}
# The one table of States left, and why: it reads the UN Treaty Collection's export, whose English
# names (``Bolivia (Plurinational State of)``) are input to parse, never shown to anybody.
STATE_TABLE_ALLOWED = {"complaints/treaty_import.py"}
LANGUAGE_CODES = {"en", "ru", "kk", "fr", "es", "ar", "zh"}
CYRILLIC = re.compile("[\u0400-\u04ff]")
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z]{2,4})*$")


def _strings(node: ast.AST) -> list[str]:
    """Return the string constants directly inside a collection literal (a dict's keys and values)."""
    parts: list[ast.AST | None] = []
    if isinstance(node, ast.Dict):
        parts = [*node.keys, *node.values]
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        parts = list(node.elts)
    return [part.value for part in parts if isinstance(part, ast.Constant) and isinstance(part.value, str)]


@functools.cache
def _cldr_words() -> tuple[frozenset[str], frozenset[str]]:
    """Return every month name and every territory name CLDR has in the portal's languages, lower-cased."""
    from babel import Locale

    months: set[str] = set()
    states: set[str] = set()
    for code in ("en", "ru", "kk", "fr", "es"):
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                months |= {str(name).lower().rstrip(".") for name in locale.months[context][width].values()}
        states |= {str(name).lower() for key, name in locale.territories.items() if key.isalpha()}
    return frozenset(months), frozenset(states)


def translation_tables(source: str) -> list[str]:
    """Return what in ``source`` looks like translated text or a table of names kept in Python."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    months, states = _cldr_words()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value
            alphabet = not any(ch.isspace() for ch in text) and len(set(text)) == len(text)
            if CYRILLIC.search(text) and not alphabet:  # an alphabet is a set of letters to look for
                found.append(f"line {node.lineno}: Cyrillic text {text[:40]!r}")
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            texts = [
                v for v in node.values if not (isinstance(v, ast.Constant) and LOCALE_ID.match(str(v.value)))
            ]
            if len(LANGUAGE_CODES & set(keys)) >= 2 and texts:
                found.append(f"line {node.lineno}: a table keyed by language")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "dict"
            and len(LANGUAGE_CODES & {keyword.arg for keyword in node.keywords}) >= 2
        ):
            found.append(f"line {node.lineno}: a table keyed by language")
        words = [text.lower().rstrip(".") for text in _strings(node)]
        if sum(word in months for word in words) >= 6:
            found.append(f"line {getattr(node, 'lineno', 0)}: a table of month names")
        if sum(word in states for word in words) >= 6:
            found.append(f"line {getattr(node, 'lineno', 0)}: a table of country names")
    return found


def python_modules() -> list[Path]:
    files = [
        path
        for package in CHECKED
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    assert len(files) > 40
    return files


@pytest.mark.parametrize("path", python_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_python_module_holds_translated_text_month_names_or_country_names(path: Path) -> None:
    name = str(path.relative_to(ROOT))
    found = translation_tables(path.read_text(encoding="utf-8"))
    if name in CYRILLIC_ALLOWED:
        found = [finding for finding in found if "Cyrillic text" not in finding]
    if name in STATE_TABLE_ALLOWED:
        found = [finding for finding in found if "country names" not in finding]
    assert found == [], name


@pytest.mark.parametrize(
    "source",
    [
        'LABELS = {"date": {"en": "Date", "ru": "Дата", "fr": "Date", "es": "Fecha"}}',
        'NAMES = {"en": "Date", "fr": "Date"}',
        'NAMES = dict(en="English", es="inglés")',
        'UNNAMED = "неназванный международный орган"',
        'KK = {"opic-7-b.met": "Хабарлама жазбаша түрде берілген."}',
        'MONTHS = ("", "января", "февраля", "марта", "апреля", "мая", "июня", "июля")',
        'MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet"]',
        'MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug")',
        'STATES = {"KAZ": "Kazakhstan", "AUT": "Austria", "FRA": "France", "DEU": "Germany", '
        '"ESP": "Spain", "ITA": "Italy"}',
        'STATES = ("Қазақстан", "Ресей", "Қытай", "Өзбекстан", "Қырғызстан", "Түркіменстан")',
    ],
)
def test_the_check_finds_the_tables_that_used_to_be_in_python(source: str) -> None:
    assert translation_tables(source)


@pytest.mark.parametrize(
    "source",
    [
        'KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")',
        '_CLDR_CODES = {"en": "en_GB", "zh": "zh_Hans"}',
        'LABELS = dict([label("date", "Date"), label("to", "To")])',
        'LANGUAGES = ("en", "ru", "kk")',
        'def f():\n    """Пример: «7 мая 2024 г.»."""',
    ],
)
def test_the_check_lets_alphabets_locale_codes_and_english_source_through(source: str) -> None:
    assert translation_tables(source) == []


# ---- django-allauth's second-factor pages in Kazakh: allauth ships no kk catalogue, the portal does ----

ALLAUTH_LOCALE = Path(allauth.__file__ or "").resolve().parent / "locale"
VENDOR_KK = ROOT / "locale_vendor" / "kk" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{[^}]*\}\}|\{\w*\}")


def _mfa_entries(catalogue: polib.POFile) -> list[polib.POEntry]:
    """Return the entries of ``catalogue`` used by allauth's second-factor code or templates."""
    return [
        entry
        for entry in catalogue
        if not entry.obsolete
        and any(path.startswith(("mfa/", "templates/mfa/")) for path, _ in entry.occurrences)
    ]


def test_every_second_factor_message_of_allauth_has_a_kazakh_translation_with_the_same_placeholders() -> None:
    allauth = _mfa_entries(polib.pofile(str(ALLAUTH_LOCALE / "ru" / "LC_MESSAGES" / "django.po")))
    kazakh = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(VENDOR_KK / "django.po"))}
    assert len(allauth) > 70
    problems = []
    for source in allauth:
        entry = kazakh.get((source.msgctxt, source.msgid))
        if entry is None or entry.fuzzy or not entry.translated():
            problems.append(f"untranslated: {source.msgid!r}")
            continue
        translations = list(entry.msgstr_plural.values()) if source.msgid_plural else [entry.msgstr]
        expected = sorted(PLACEHOLDER.findall(source.msgid_plural or source.msgid))
        problems += [
            f"placeholders differ: {source.msgid!r}"
            for text in translations
            if not text or sorted(PLACEHOLDER.findall(text)) != expected
        ]
    assert problems == [], f"{len(problems)} in locale_vendor/kk: {problems[:10]}"


def test_the_compiled_vendor_catalogue_matches_its_source() -> None:
    source = polib.pofile(str(VENDOR_KK / "django.po"))
    compiled = polib.mofile(str(VENDOR_KK / "django.mo"))
    expected = {(e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries() if not e.msgid_plural}
    actual = {(e.msgctxt, e.msgid): e.msgstr for e in compiled if not e.msgid_plural and e.msgid}
    assert expected.items() <= actual.items(), "run `make messages` to recompile the catalogues"


@pytest.mark.django_db
def test_an_enrolled_caseworker_sees_the_second_factor_page_in_kazakh_without_english_left(
    world: World,
) -> None:
    client = login(world.caseworker)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    response = client.get(reverse("mfa_index"), HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Аутентификатор қолданбасы" in page
    assert "Қалпына келтіру кодтары" in page
    for english in (
        "Authentication using an authenticator app is active.",
        "Security Keys",
        "Recovery Codes",
        "No security keys have been added.",
    ):
        assert english not in page
