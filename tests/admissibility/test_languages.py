"""The engine's words come from a gettext catalogue handed to it; the engine itself reads no file."""

from __future__ import annotations

import gettext
from datetime import date

from admissibility import Language, assess
from admissibility.messages import CHILD, SOURCE, Msg
from tests.admissibility.builders import TREATY, make


class _Catalogue(gettext.NullTranslations):
    """A catalogue in memory: ``{(msgctxt, msgid): msgstr}``."""

    def __init__(self, entries: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.entries = entries

    def pgettext(self, context: str, message: str) -> str:
        return self.entries.get((context, message), message)


def test_every_message_has_an_english_source_for_the_caseworker_and_for_the_child() -> None:
    for msg in Msg:
        assert SOURCE[msg].strip()
        assert SOURCE[msg + CHILD].strip()


def test_without_a_catalogue_the_engine_speaks_its_english_source_with_iso_dates_and_codes() -> None:
    plain = Language("en")
    assert plain.date(date(2024, 5, 7)) == "2024-05-07"
    assert plain.state("KAZ") == "KAZ"
    assert plain.render(Msg.S7B_MET, {}) == (SOURCE[Msg.S7B_MET], SOURCE[Msg.S7B_MET + CHILD])


def test_a_language_takes_its_words_dates_and_state_names_from_what_the_caller_hands_over() -> None:
    catalogue = _Catalogue(
        {(Msg.S7G_BEFORE.value, SOURCE[Msg.S7G_BEFORE]): "Avant {eif} en {state}; fin {end}."}
    )
    words = Language("xx", catalogue, date_text=lambda day: f"{day:%d/%m/%Y}", state_name=lambda _: "KZ!")
    reason, _child = words.render(Msg.S7G_BEFORE, {"eif": "E", "state": "S", "end": "F"})
    assert reason == "Avant E en S; fin F."
    assert words.date(date(2024, 5, 7)) == "07/05/2024"
    assert words.state("KAZ") == "KZ!"


def test_the_portal_installs_its_catalogues_so_the_engine_names_states_in_each_language() -> None:
    facts = make({"state": "AUT"})
    reasons = {lang: assess(facts, TREATY, lang).findings[0].reason for lang in ("en", "ru", "kk")}
    assert "Austria" in reasons["en"]
    assert "Австрия" in reasons["ru"]
    assert "Аустрия" in reasons["kk"]
    assert not any("AUT" in reason for reason in reasons.values())
