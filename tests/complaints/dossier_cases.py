"""A family's case as the demo data and real filers write it, for the dossier's PDF/UA and redaction tests.

A mother writes for her two children in Kazakh, with a Russian translation, and names them in the
text as families do: in Kazakh and Russian Cyrillic with case endings, and in passport Latin. Their
lawyer represents them. Annexes: a court decision (a PDF with its own bookmarks, metadata and the
children's names in its title and file name) and a photograph.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date

from django.core.files.base import ContentFile
from PIL import Image
from weasyprint import HTML

from complaints.models import Claim, Communication, Document, DomesticRemedy, OtherProcedure, Person

KAZAKH_FACTS = (
    "Мектеп Айгерімді мүгедектігіне байланысты қабылдаудан бас тартты. "
    "Айгерімнің інісі Нұрлан да үйде қалды. Aigerim Saparova бір жыл сабаққа бармады."
)
RUSSIAN_FACTS = (
    "Школа отказалась принять Айгерим из-за инвалидности. Её брат Нурлан тоже остался дома. "
    "Aigerim Saparova не ходила в школу целый год."
)
# Every name of the family, and how else it is written (the redaction must catch them all).
FAMILY_NAMES = {
    "Айгерім": ("Айгерим", "Aigerim", "Aygerim", "Aıgerim"),
    "Нұрлан": ("Нурлан", "Nurlan"),
    "Гүлнар": ("Гульнар", "Gulnar"),
    "Сапарова": ("Saparova",),
    "Сапаров": ("Saparov",),
}
LAWYER = ("Ерлан", "Ахметов")


def annex_decision() -> bytes:
    """A court decision as a court's PDF: two pages, its own outline and a title naming the child."""
    html = (
        "<html lang='ru'><head><title>Решение по делу Айгерим Сапаровой</title>"
        "<meta name='author' content='Гулнар Сапарова'><meta name='keywords' content='Сапаров, Nurlan'>"
        "</head><body><h1>Решение суда по иску Сапаровой Г.</h1><p>DECISION-PAGE-ONE</p>"
        "<h1 style='break-before: page'>Мотивировочная часть</h1><p>DECISION-PAGE-TWO</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def annex_photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (40, 90, 160)).save(out, format="PNG")
    return out.getvalue()


def attach(
    communication: Communication, title: str, name: str, data: bytes, content_type: str, kind: str
) -> None:
    document = Document(
        communication=communication,
        kind=kind,
        title=title,
        original_name=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()


def family_case(communication: Communication) -> Communication:
    """Fill ``communication`` with the family's case (replacing its people and parts); return it fresh."""
    Communication.objects.filter(pk=communication.pk).update(
        dossier_language="ru",
        title="Айгерім мен Нұрлан",
        facts_summary=KAZAKH_FACTS,
        translations={
            "facts_summary": RUSSIAN_FACTS,
            "remedies_sought": "Принять Айгерим и Нурлана в школу.",
        },
        remedies_sought="Айгерім мен Нұрланды мектепке қабылдау.",
        interim_measures_requested=True,
        interim_measures_reason="Нурлан теряет ещё один учебный год.",
        fears_reprisals=True,
        protection_details="Директор угрожал Гульнаре Сапаровой.",
        signed_name="Гүлнар Сапарова",
        signed_on=date(2025, 5, 1),
        names_confidential=True,
        is_urgent=True,
    )
    communication.refresh_from_db()
    communication.people.all().delete()
    communication.claims.all().delete()
    communication.remedies.all().delete()
    Person.objects.create(
        communication=communication,
        role=Person.Role.AUTHOR,
        given_name="Гүлнар",
        family_name="Сапарова",
        place_of_birth="Алматы",
        address="Алматы, Абай к-сі 1",
        email="gulnar.saparova@example.org",
        phone="+7 701 000 00 00",
        relationship_to_victim="мать Айгерим и Нурлана",
    )
    for given, family, born, words in (
        ("Айгерім", "Сапарова", date(2014, 4, 1), "Мен мектепке барғым келеді. Айгерім"),
        ("Нұрлан", "Сапаров", date(2016, 2, 3), "Я хочу учиться. Нурлан"),
    ):
        Person.objects.create(
            communication=communication,
            role=Person.Role.VICTIM,
            given_name=given,
            family_name=family,
            date_of_birth=born,
            consent=Person.Consent.GIVEN,
            consent_statement=words,
            consent_on=date(2025, 4, 30),
        )
    Person.objects.create(
        communication=communication,
        role=Person.Role.REPRESENTATIVE,
        given_name=LAWYER[0],
        family_name=LAWYER[1],
        email="lawyer@example.org",
    )
    Claim.objects.create(communication=communication, article=28, explanation="Айгерім мектепке бара алмады.")
    Claim.objects.create(communication=communication, article=23, explanation="Нурлана не приняли в класс.")
    DomesticRemedy.objects.create(
        communication=communication,
        authority="Алматинский городской суд",
        started_on=date(2024, 10, 1),
        decided_on=date(2024, 11, 20),
        outcome="Иск Сапаровой Г. в интересах Айгерим оставлен без удовлетворения.",
        is_final=True,
    )
    OtherProcedure.objects.create(
        communication=communication, body="Омбудсмен по правам ребёнка", reference="Сапарова/2024-17"
    )
    attach(
        communication,
        "Решение суда по делу Айгерим Сапаровой",
        "reshenie_Saparova_Aigerim.pdf",
        annex_decision(),
        "application/pdf",
        Document.Kind.DOMESTIC_DECISION,
    )
    attach(communication, "Фото Нурлана у школы", "Nurlan.png", annex_photo(), "image/png", "evidence")
    communication.refresh_from_db()
    return communication
