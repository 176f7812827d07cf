"""Where to get help at once, by State. Every contact carries its source; unverified ones are left out."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Contact:
    name: Promise
    how: Promise
    phone: str = ""
    source: str = ""


EMERGENCY = Contact(
    _("Emergency services"), _("If you are in danger right now, call your country's emergency number.")
)

CONTACTS: dict[str, tuple[Contact, ...]] = {
    "KAZ": (
        Contact(
            _("Contact centre 111 for the protection of children, women and families"),
            _("Free, day and night. You can call or write; every school has a QR code for it."),
            "111",
            "Committee for the Protection of Children's Rights, Ministry of Education, via Kazinform, "
            '2025-11-06 (inform.kz, "Более 110 тысяч детей обратились за помощью в контакт-центр 111"); '
            "vlast.kz on the single state contact centre 111",
        ),
        Contact(
            _("Ombudsman for Children's Rights of the Republic of Kazakhstan, and regional ombudsmen"),
            _(
                "Receives complaints from children and parents about violations of children's rights; "
                "there is a children's ombudsman in every region."
            ),
            "",
            "Ministry of Education of Kazakhstan, regional children's ombudsmen, 2022 (nur.kz, orda.kz)",
        ),
        Contact(_("Police"), _("To report a crime or violence."), "102", "Kazakhstan emergency numbers"),
        Contact(
            _("Emergency services"),
            _("If you are in danger right now."),
            "112",
            "Kazakhstan emergency numbers",
        ),
    ),
}


def help_contacts(iso3: str | None) -> tuple[Contact, ...]:
    """Return who to call for immediate help in the State ``iso3`` (the emergency number elsewhere)."""
    return CONTACTS.get((iso3 or "").upper(), (EMERGENCY,))
