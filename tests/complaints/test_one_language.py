"""One language per page: the Kazakh and Russian pages a demo user walks through hold no English.

Each demo user (child, parent, caseworker, reviewer) walks the portal as the browser walk does,
following the links of the pages they see, in Kazakh and in Russian. The words of every page are
checked for what a reader of that language could not read: a State named by its Latin ISO code
("KAZ"), a stored enum value ("submitted", "views_adopted"), an English article reference
("CRC art. 28") or duration ("4 weeks"), and English sentences (a run of three or more words,
two of them common English words). Left out: code, addresses for the post (they are written as
the post office abroad reads them), links, e-mail addresses and text marked as another language
(the language switcher names each language in itself).
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from babel.core import get_global
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from rest_framework.test import APIClient

from complaints.language.citations import citation
from complaints.language.durations import time_until
from complaints.models import Claim, Communication, Event, Invitation, User
from complaints.review.services import office_statistics
from complaints.services import draft_start
from complaints.timeline import texts as texts_module
from complaints.timeline.texts import event_summary, event_text
from tests.conftest import World, login
from tests.factories import CommunicationFactory, UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru")
DEMO_USERS = ("child", "parent", "caseworker", "reviewer")
START = ("/cases/", "/account/", "/accounts/password/change/")
# Pages that act, leave or are not HTML: the walk does not follow them.
NOT_WALKED = re.compile(
    r"/(leave/|accounts/logout|download|export/|documents/\d+/|api/|admin/|static/|media/|\?lang=)"
)
PAGES_PER_KIND = 2  # two pages of each URL pattern (case pages, steps) are enough to see their words

# ISO 3166-1 alpha-3 codes (CLDR's territory aliases), but for a file format that shares one.
ISO3 = frozenset(code for code in get_global("territory_aliases") if len(code) == 3 and code.isalpha())
FILE_FORMATS = frozenset({"PNG"})
COMMON_ENGLISH = frozenset(
    " ".join(
        (
            "a about after all an and any are as at back be been before by can case change child",
            "children committee communication date day days did do does draft edit for from has have he",
            "her here his how if in into is it its me more my new next no not note of on one only or",
            "our out page read review save see send sent she show sign signed state status step than",
            "that the their then there they this to two up was we what when which who will with write",
            "yes you your",
        )
    ).split()
)
ENGLISH_REFERENCE = re.compile(r"\b(?:art|arts|para|No)\.\s*\d|\brules? of procedure\b|\brule \d")
ENGLISH_DURATION = re.compile(r"\b\d+\s+(?:days?|weeks?|months?|years?)\b")
WORD_RUN = re.compile(r"[A-Za-z][A-Za-z']*(?:[\s,;:()\-]+[A-Za-z][A-Za-z']*){2,}")
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
SKIPPED = frozenset({"script", "style", "code", "kbd", "samp", "address", "template"})


def enum_values() -> frozenset[str]:
    """Every stored value of a choice field of the portal's models (longer than three letters)."""
    values: set[str] = set()
    for model in apps.get_app_config("complaints").get_models():
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "choices", None) or ():
                if isinstance(value, str) and len(value) > 3 and value.islower():
                    values.add(value)
    return frozenset(values)


class Words(HTMLParser):
    """The text a reader sees or hears (visible text, labels, alternative text), and the links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.stack: list[bool] = []  # for each open element: whether it starts a skipped part

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and values.get("href", "").startswith("/"):
            self.links.append(values["href"].split("#")[0])
        skipped = tag in SKIPPED or values.get("lang", "") not in ("", "kk", "ru")
        if not self.skipping and not skipped:
            hidden = tag == "input" and values.get("type") == "hidden"
            for name in ("alt", "title", "aria-label", "placeholder", "data-label"):
                if values.get(name) and not hidden:
                    self.parts.append(values[name])
        if tag not in VOID:
            self.stack.append(skipped)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    @property
    def skipping(self) -> bool:
        return any(self.stack)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def foreign_words(html: str, enums: frozenset[str]) -> list[str]:
    """Return what the page says that a Kazakh or Russian reader could not read."""
    parser = Words()
    parser.feed(html)
    text = re.sub(r"https?://\S+|\S+@\S+", " ", "\n".join(parser.parts))
    found = [
        f"State code {code}" for code in re.findall(r"\b[A-Z]{3}\b", text) if code in ISO3 - FILE_FORMATS
    ]
    found += [f"enum value {word}" for word in re.findall(r"\b[a-z]+(?:_[a-z]+)*\b", text) if word in enums]
    found += [f"reference {m.group()!r}" for m in ENGLISH_REFERENCE.finditer(text)]
    found += [f"duration {m.group()!r}" for m in ENGLISH_DURATION.finditer(text)]
    for run in WORD_RUN.finditer(text):
        words = re.findall(r"[A-Za-z']+", run.group())
        if sum(word.lower() in COMMON_ENGLISH for word in words) >= 2:
            found.append(f"English {' '.join(run.group().split())!r}")
    return found


def kind_of(url: str) -> str:
    return re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}|\d+", "<id>", url)


def walk(client: Client) -> Iterator[tuple[str, str]]:
    """Yield (url, html) for the pages reachable from the start pages by following links."""
    queue, seen, kinds = list(START), set[str](), dict[str, int]()
    while queue:
        url = queue.pop(0)
        kind = kind_of(url)
        if url in seen or NOT_WALKED.search(url) or kinds.get(kind, 0) >= PAGES_PER_KIND:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        html = response.content.decode()
        yield url, html
        parser = Words()
        parser.feed(html)
        queue.extend(parser.links)


@pytest.mark.parametrize("username", DEMO_USERS)
def test_a_demo_users_kazakh_and_russian_pages_hold_no_state_code_enum_value_or_english(
    username: str,
) -> None:
    call_command("seed_demo", stdout=io.StringIO())
    enums = enum_values() - {username}  # allauth names the signed-in user by username ("child")
    problems: list[str] = []
    walked = 0
    for language in LANGUAGES:
        client = login(User.objects.get(username=username))
        client.cookies["portal_language"] = language
        for url, html in walk(client):
            walked += 1
            problems += [f"{language} {url}: {problem}" for problem in foreign_words(html, enums)]
            if "г.." in html:
                problems.append(f"{language} {url}: a second stop after a Russian date («г..»)")
    assert walked >= 2 * len(LANGUAGES), "the walk must reach the pages behind the start pages"
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


@pytest.mark.parametrize(
    "html",
    [
        "<p>Государство: KAZ</p>",
        "<p>Статус: views_adopted</p>",
        "<p>Статус: submitted</p>",
        "<p>CRC art. 28</p>",
        "<p>Осталось (5 months, 2 weeks)</p>",
        "<p>Статус изменён — The invitation to review was accepted.</p>",
        '<img alt="Show the draft to the child">',
        "<select><option>Last change (descending)</option></select>",
    ],
)
def test_the_check_finds_codes_enum_values_english_references_and_sentences(html: str) -> None:
    assert foreign_words(html, enum_values())


@pytest.mark.parametrize(
    "html",
    [
        "<p>Файл (PDF, PNG или JPEG)</p>",
        "<p>Пишите на <a href='mailto:help@example.org'>help@example.org</a></p>",
        "<address>Petitions Team<br>Office of the United Nations High Commissioner</address>",
        '<nav><a lang="en" href="/?lang=en">English</a> <span lang="en">Read this in English</span></nav>',
        "<p>Код: <code>the draft of the case</code>, Комитет: CRC/209/2025</p>",
    ],
)
def test_the_check_lets_file_formats_addresses_code_and_other_languages_through(html: str) -> None:
    assert not foreign_words(html, enum_values())


# --- The timeline: codes stored, sentences written in the reader's language ----------------------


def test_an_invitation_event_is_stored_as_a_code_and_read_in_each_readers_language() -> None:
    communication: Communication = CommunicationFactory.create()
    event = Event.objects.create(
        communication=communication,
        kind=Event.Kind.INVITATION,
        occurred_on=communication.created_at.date(),
        code="invitation.answered",
        params={"whom": Invitation.Role.CHILD, "answer": Invitation.Answer.AGREED},
    )
    texts = {}
    for language in ("en", "ru", "kk"):
        with translation.override(language):
            texts[language] = event_text(event)
            assert str(Invitation.Role.CHILD.label) in texts[language]
            assert str(Invitation.Answer.AGREED.label) in texts[language]
    assert len(set(texts.values())) == 3, texts
    assert event.note == ""


def test_a_status_change_shows_the_status_label_not_its_value() -> None:
    communication: Communication = CommunicationFactory.create()
    event = Event.objects.create(
        communication=communication,
        kind=Event.Kind.TRANSITION,
        occurred_on=communication.created_at.date(),
        from_status=Communication.Status.SUBMITTED,
        to_status=Communication.Status.VIEWS_ADOPTED,
    )
    with translation.override("ru"):
        summary = event_summary(event)
        assert str(Communication.Status.VIEWS_ADOPTED.label) in summary
    assert "views_adopted" not in summary


def migration() -> object:
    return importlib.import_module("complaints.migrations.0024_event_codes")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_migration_turns_sentences_written_before_into_codes_and_keeps_other_text(language: str) -> None:
    communication: Communication = CommunicationFactory.create()
    day = communication.created_at.date()
    with translation.override(language):
        written = {
            "accepted": _("The invitation to review was accepted."),
            "answered": _("Answer from %(whom)s: %(answer)s.")
            % {"whom": Invitation.Role.PARENT.label, "answer": Invitation.Answer.CHANGES.label},
            "asked": _("Answer by %(day)s") % {"day": "2026-05-04"},
        }
    rows = {
        name: Event.objects.create(communication=communication, kind=kind, occurred_on=day, note=note)
        for name, kind, note in [
            ("accepted", Event.Kind.INVITATION, written["accepted"]),
            ("answered", Event.Kind.INVITATION, written["answered"]),
            ("asked", Event.Kind.CLARIFICATION, written["asked"]),
            ("typed", Event.Kind.INVITATION, "Мама позвонила и согласилась."),
        ]
    }
    migration().events_to_codes(apps, None)  # type: ignore[attr-defined]
    for row in rows.values():
        row.refresh_from_db()
    assert (rows["accepted"].code, rows["accepted"].note) == ("invitation.accepted", "")
    assert rows["answered"].code == "invitation.answered"
    assert rows["answered"].params == {"whom": "parent", "answer": "changes"}
    assert rows["asked"].params == {"day": "2026-05-04"}
    assert (rows["typed"].code, rows["typed"].note) == ("", "Мама позвонила и согласилась.")
    with translation.override("ru"):
        assert str(Invitation.Answer.CHANGES.label) in event_text(rows["answered"])


# --- The pages of allauth: laid out like the rest, in the reader's language -----------------------

ACCOUNT_PAGES = ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sign_in_sign_up_and_password_pages_are_styled_and_in_the_readers_language(language: str) -> None:
    client = Client()
    client.cookies["portal_language"] = language
    enums = enum_values()
    for url in ACCOUNT_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert re.search(r'class="[^"]*\bform-control\b', html), url  # the portal's form style
        assert 'class="btn btn-primary' in html, url
        assert not foreign_words(html, enums), (url, foreign_words(html, enums))


def test_a_signed_in_user_changes_the_password_on_a_styled_page() -> None:
    client = login(UserFactory.create())
    html = client.get("/accounts/password/change/").content.decode()
    assert re.search(r'class="[^"]*\bform-control\b', html)


# --- Citations, durations and the dossier's language ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "source", "expected"),
    [
        ("ru", "CRC art. 28", "ст. 28 КПР"),
        ("kk", "CRC art. 28", "БҚК 28-бабы"),
        ("ru", "OPIC art. 7(h)", "ст. 7(h) Протокола"),
        (
            "kk",
            "OPIC art. 7(e); OHCHR Fact Sheet No. 7/Rev.2",
            "Хаттаманың 7(e)-бабы; БҰҰ АҚЖКБ ақпараттық парағы № 7/Rev.2",
        ),
        (
            "ru",
            "OPIC art. 8(2); rules of procedure, rule 18",
            "ст. 8(2) Протокола; правила процедуры, правило 18",
        ),
        ("en", "OPIC art. 7(h)", "OPIC art. 7(h)"),
        ("ru", "a reference nobody taught the portal", "a reference nobody taught the portal"),
    ],
)
def test_a_reference_is_cited_in_the_readers_language_part_by_part(
    language: str, source: str, expected: str
) -> None:
    with translation.override(language):
        assert citation(source) == expected


def test_a_claim_names_its_article_in_the_readers_language() -> None:
    communication: Communication = CommunicationFactory.create()
    claim = Claim(communication=communication, instrument="CRC", article=28)
    with translation.override("ru"):
        assert str(claim) == "ст. 28 КПР"
    with translation.override("en"):
        assert str(claim) == "CRC art. 28"


@pytest.mark.parametrize(("language", "word"), [("ru", "месяц"), ("kk", "ай"), ("en", "month")])
def test_the_time_left_before_a_deadline_is_written_in_the_readers_language(language: str, word: str) -> None:
    today = date(2026, 1, 1)
    with translation.override(language):
        text = time_until(date(2026, 6, 15), today)
    assert word in text
    assert re.search(r"\d", text)


@pytest.mark.parametrize(
    ("interface", "dossier"), [("kk", "ru"), ("ru", "ru"), ("en", "en"), ("fr", "fr"), ("", "en")]
)
def test_a_new_drafts_dossier_language_follows_the_writers_language(interface: str, dossier: str) -> None:
    user = UserFactory.create(role=User.Role.FILER)
    communication = draft_start(user=user, language=interface)
    assert communication.dossier_language == dossier


def test_a_kazakh_speaking_child_who_starts_a_draft_gets_a_russian_dossier() -> None:
    user = UserFactory.create(role=User.Role.FILER)
    client = login(user)
    client.cookies["portal_language"] = "kk"
    response = client.post("/cases/new/")
    assert response.status_code == 302
    assert Communication.objects.get(filer=user).dossier_language == "ru"


# --- Register: the adult's pages never speak to a child ---------------------------------------------

ADULT_ONLY = (
    "templates/complaints/casework/",
    "templates/complaints/review/",
    "templates/complaints/dispatch/",
    "templates/complaints/deadlines/",
    "templates/complaints/invitations/invitation_new",
    "templates/complaints/invitations/_invitations",
    "complaints/casework/",
    "complaints/review/",
    "complaints/dispatch/",
    "complaints/deadlines/",
)
INFORMAL = {
    "ru": re.compile(r"\b(ты|тебя|тебе|тобой|твой|твоя|твоё|твои|твоего|твоей|твоих)\b", re.IGNORECASE),
    "kk": re.compile(r"\b(сен|сенің|саған|сені|сенде|сенен)\b", re.IGNORECASE),
}


def only_in(language: str, places: tuple[str, ...], but_not: tuple[str, ...] = ()) -> list[polib.POEntry]:
    """The entries of the interface catalogue of ``language`` used only in files under ``places``."""
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))
    return [
        entry
        for entry in catalogue
        if entry.occurrences
        and all(path.startswith(places) and not path.startswith(but_not) for path, _ in entry.occurrences)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_only_adults_read_never_uses_the_childs_informal_you(language: str) -> None:
    informal = [e.msgstr for e in only_in(language, ADULT_ONLY) if INFORMAL[language].search(e.msgstr)]
    assert not informal, informal


# Pages a child and an adult both read (the header and footer of every page, the home page, the
# log-in and sign-up pages) speak to neither: impersonal, as locale/GLOSSARY.md asks. The e-mails
# under account/email/ are written to the holder of an address, an adult's register.
SHARED = ("templates/base.html", "templates/home.html", "templates/account/")
NOT_SHARED = ("templates/account/email/",)
FORMAL = {
    "ru": re.compile(r"\b(вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|ваших)\b", re.IGNORECASE),
    "kk": re.compile(r"\b(сіз|сізге|сіздің|сізді|сізден|сізбен)\b", re.IGNORECASE),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_on_pages_children_and_adults_both_read_addresses_neither(language: str) -> None:
    shared = only_in(language, SHARED, but_not=NOT_SHARED)
    assert len(shared) > 10  # the footer, the quick exit, the home page, the log-in and sign-up pages
    addressed = [
        entry.msgstr
        for entry in shared
        if INFORMAL[language].search(entry.msgstr) or FORMAL[language].search(entry.msgstr)
    ]
    assert not addressed, addressed


@pytest.mark.parametrize(("language", "month"), [("ru", "март"), ("kk", "наурыз"), ("en", "March")])
def test_the_statistics_name_each_month_in_the_readers_language(language: str, month: str) -> None:
    today = timezone.localdate()
    march = today.replace(month=3, day=10)
    if march > today:  # the last March, within the year the statistics show
        march = march.replace(year=march.year - 1)
    CommunicationFactory.create(status=Communication.Status.SUBMITTED, submitted_on=march)
    with translation.override(language):
        by_month = office_statistics(cases=Communication.objects.all())["by_month"]
    assert [label for label, _n in by_month if month in label]


def test_the_api_gives_an_events_code_and_its_sentence_in_the_language_asked_for(world: World) -> None:
    Event.objects.create(
        communication=world.mine,
        kind=Event.Kind.INVITATION,
        occurred_on=timezone.localdate(),
        code="invitation.accepted",
    )
    client = APIClient()
    client.force_authenticate(world.filer)
    texts = {}
    for language in ("en", "ru"):
        body = client.get(
            "/api/v1/events/", {"communication": str(world.mine.reference)}, HTTP_ACCEPT_LANGUAGE=language
        ).json()
        row = next(row for row in body["results"] if row["code"] == "invitation.accepted")
        texts[language] = row["text"]
        with translation.override(language):
            assert row["text"] == str(texts_module.TEMPLATES["invitation.accepted"])
    assert texts["en"] != texts["ru"]
