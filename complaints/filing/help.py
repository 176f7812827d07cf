"""Where to get help at once, by State: the one table of contacts, each with the public sources it rests on.

Only what a stored public source confirms is shown; a contact whose phone or web page could not be
confirmed is listed without it, never with a guess. The sources are listed, with what each one
confirms, in complaints/data/SOURCES.md ("Help contacts").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Contact:
    name: Promise
    how: Promise
    phone: str = ""
    web: str = ""  # the contact's own public page, when a source confirms it
    sources: tuple[str, ...] = ()  # the public addresses that confirm what is shown


EMERGENCY = Contact(
    _("Emergency services"), _("If you are in danger right now, call your country's emergency number.")
)

EGOV_EMERGENCY = "https://egov.kz/cms/en/articles/emergency_situations/emergency_number_112"

CONTACTS: dict[str, tuple[Contact, ...]] = {
    "KAZ": (
        Contact(
            _("Contact centre 111 for the protection of children, women and families"),
            _("Free, day and night. You can call or write; every school has a QR code for it."),
            phone="111",
            sources=(
                "https://www.inform.kz/ru/bolee-110-tisyach-detey-obratilis-za-pomoshyu-v-kontakt-tsentr-111-b7c9bd",
                "https://turantimes.kz/obschestvo/46231-v-kazahstane-zapuschen-edinyj-telefon-doverija-dlja-zhertv-nasilija-i-bullinga.html",
            ),
        ),
        Contact(
            _("Ombudsman for Children's Rights of the Republic of Kazakhstan, and regional ombudsmen"),
            _(
                "Receives complaints from children and parents about violations of children's rights; "
                "there is a children's ombudsman in every region."
            ),
            sources=(
                "https://www.nur.kz/politics/appointments/1988523-upolnomochennyh-po-zaschite-prav-detey-naznachili-v-16-regionah-kazahstana/",
                "https://astanatimes.com/2024/03/kazakhstans-commissioner-for-childrens-rights-sheds-light-on-recent-reforms-in-exclusive-interview/",
            ),
        ),
        Contact(_("Police"), _("To report a crime or violence."), phone="102", sources=(EGOV_EMERGENCY,)),
        Contact(
            _("Emergency services"),
            _("If you are in danger right now."),
            phone="112",
            sources=(EGOV_EMERGENCY,),
        ),
    ),
}


def help_contacts(iso3: str | None) -> tuple[Contact, ...]:
    """Return who to call for immediate help in the State ``iso3`` (the emergency number elsewhere)."""
    return CONTACTS.get((iso3 or "").upper(), (EMERGENCY,))
