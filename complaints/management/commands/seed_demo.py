"""Demo data: a user for every role, an NGO, an ombudsman office, and a case in every status.

The staff accounts (caseworker, reviewer, administrator) must sign in with a second factor: each is
enrolled with an authenticator-app secret generated on the first run, which every run prints with its
otpauth:// address, for a developer to add to an authenticator app.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from complaints.invitations.services import invitation_accept, invitation_create
from complaints.lifecycle import (
    TRANSITIONS,
    TransitionRequest,
    communication_record_submission,
    communication_transition,
)
from complaints.models import (
    Claim,
    Communication,
    DomesticRemedy,
    Membership,
    Organisation,
    Person,
    User,
)
from complaints.services import communication_assess, communication_create_draft, communication_save_step

DEMO_PASSWORD = "opic-demo-2026"

USERS: list[tuple[str, str, str, str, str, bool]] = [
    # email, first, last, role, filer kind, superuser
    ("child@demo.test", "Айгерім", "Серікқызы", User.Role.FILER, User.FilerKind.CHILD, False),
    ("parent@demo.test", "Мария", "Иванова", User.Role.FILER, User.FilerKind.PARENT, False),
    ("caseworker@demo.test", "Дана", "Жұмабаева", User.Role.CASEWORKER, "", False),
    ("reviewer@demo.test", "Ерлан", "Ахметов", User.Role.OMBUDSMAN_REVIEWER, "", False),
    ("admin@demo.test", "Admin", "Portal", User.Role.ADMINISTRATOR, "", True),
]

# The path a case takes through the lifecycle; every status gets one demo case.
PATH = [
    Communication.Status.SUBMITTED,
    Communication.Status.REGISTERED,
    Communication.Status.TRANSMITTED,
    Communication.Status.OBSERVATIONS_RECEIVED,
    Communication.Status.COMMENTS_SENT,
    Communication.Status.ADMISSIBLE,
    Communication.Status.VIEWS_ADOPTED,
    Communication.Status.FOLLOW_UP,
    Communication.Status.CLOSED,
]

STORIES = [
    (
        "Мектепке қабылдамады",
        "Менің ұлым Нұрсұлтанды (9 жас) мүгедектігіне байланысты ауылдағы мектепке қабылдамады. "
        "Аудандық білім бөлімі де, сот та бас тартты.",
        28,
        "Білім алу құқығы бұзылды: бала үйде қалды, ешқандай инклюзивті білім ұсынылмады.",
    ),
    (
        "Разлучение с матерью",
        "Органы опеки забрали мою дочь Алию (6 лет) из семьи без решения суда и не дают нам видеться.",
        9,
        "Ребёнка разлучили с матерью без судебного решения и без оценки её наилучших интересов.",
    ),
    (
        "Мектептегі зорлық-зомбылық",
        "Мұғалім сыныпта балаларды ұрады. Ата-аналар шағымданды, бірақ прокуратура іс қозғамады.",
        19,
        "Мемлекет баланы зорлық-зомбылықтың барлық түрінен қорғамады.",
    ),
    (
        "Отказ в медицинской помощи",
        "Сыну Тимуру (11 лет) отказали в бесплатном лечении редкого заболевания; суды отказали в иске.",
        24,
        "Нарушено право на наивысший достижимый уровень здоровья.",
    ),
]


class Command(BaseCommand):
    help = "Load demo users, organisations and communications (safe to run twice)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        users = {row[0]: self._user(*row) for row in USERS}
        ngo, _ = Organisation.objects.get_or_create(
            name="«Бала құқығы» қоғамдық қоры", defaults={"kind": Organisation.Kind.NGO, "country": "KAZ"}
        )
        office, _ = Organisation.objects.get_or_create(
            name="Уполномоченный по правам ребёнка в Республике Казахстан",
            defaults={"kind": Organisation.Kind.OMBUDSMAN, "country": "KAZ"},
        )
        Membership.objects.get_or_create(
            user=users["caseworker@demo.test"], organisation=ngo, defaults={"is_coordinator": True}
        )
        Membership.objects.get_or_create(user=users["reviewer@demo.test"], organisation=office)

        # The titles are encrypted (they start with "[demo]"): the demo cases are those of demo filers.
        if not Communication.objects.filter(filer__in=users.values()).exists():
            self._cases(users, ngo, office)

        self.stdout.write(
            self.style.SUCCESS("Demo data ready. Log in at http://127.0.0.1:8000/accounts/login/ with:")
        )
        for email, _first, _last, role, kind, _su in USERS:
            label = f"{role}{f' ({kind})' if kind else ''}"
            self.stdout.write(f"  {email:<24} password {DEMO_PASSWORD:<16} {label}")
        self.stdout.write(
            "Staff accounts also ask for a code from an authenticator app. Add each secret below to one "
            "(type it in, or open the otpauth:// address):"
        )
        for email, *_rest in USERS:
            user = users[email]
            if user.is_staff_role:
                secret = self._second_factor(user)
                url = get_mfa_adapter().build_totp_url(user, secret)
                self.stdout.write(f"  {email:<24} secret {secret}\n  {'':<24} {url}")

    def _user(self, email: str, first: str, last: str, role: str, kind: str, superuser: bool) -> User:
        user, created = User.objects.get_or_create(
            username=email.split("@")[0],
            defaults={
                "email": email,
                "first_name": first,
                "last_name": last,
                "role": role,
                "filer_kind": kind,
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _second_factor(self, user: User) -> str:
        """Enrol ``user`` with an authenticator app (and recovery codes) once; return its secret."""
        existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if existing is not None:
            return decrypt(existing.data["secret"])
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        RecoveryCodes.activate(user)
        return secret

    def _cases(self, users: dict[str, User], ngo: Organisation, office: Organisation) -> None:
        today = timezone.localdate()
        child, parent = users["child@demo.test"], users["parent@demo.test"]
        caseworker = users["caseworker@demo.test"]

        # A child's own draft, and a parent's draft.
        draft = self._case(child, "[demo] Мені мектепте ұрды", STORIES[2], today, own=True)
        draft.facts_start = date(2024, 9, 2)
        draft.facts_continuing = True
        draft.save()
        self._case(parent, "[demo] Разлучение с матерью", STORIES[1], today, own=False)

        for index, target in enumerate(PATH):
            story = STORIES[index % len(STORIES)]
            communication = self._case(
                caseworker, f"[demo] {story[0]} ({index + 1})", story, today, own=False
            )
            communication.organisation = ngo
            communication.assignee = caseworker
            communication.is_urgent = index % 4 == 0
            communication.interim_measures_requested = index % 4 == 0
            communication.routed_to = office if index % 2 == 0 else None
            communication.save()
            communication.remedies.update(decided_on=today - timedelta(days=40 * (len(PATH) + 2)))
            self._walk_to(
                communication, target, caseworker, start=today - timedelta(days=40 * (len(PATH) + 1))
            )
            communication_assess(communication=communication)

        # A caseworker's draft for the demo child, who was invited to read it and has not answered yet.
        on_behalf = self._case(caseworker, "[demo] Мектептен шығарылды (жоба)", STORIES[0], today, own=False)
        on_behalf.organisation = ngo
        on_behalf.assignee = caseworker
        on_behalf.save()
        victim = on_behalf.people.get(role=Person.Role.VICTIM)
        victim.given_name, victim.family_name = child.first_name, child.last_name
        victim.date_of_birth = date(2012, 3, 14)
        victim.consent = victim.without_consent_reason = ""
        victim.save()  # save(), not update(): the blind index of names follows saves
        _invitation, token = invitation_create(
            communication=on_behalf, invited_by=caseworker, role="child", person=victim, language="kk"
        )
        invitation_accept(token=token, user=child)

    def _case(
        self, filer: User, title: str, story: tuple[str, str, int, str], today: date, own: bool
    ) -> Communication:
        _title, facts, article, explanation = story
        communication = communication_create_draft(
            filer=filer,
            title=title,
            state="KAZ",
            dossier_language="ru",
            author_is_victim=own,
            facts_summary=facts,
            facts_start=date(2024, 6, 1),
            facts_end=date(2024, 12, 1),
            remedies_exhausted=True,
            remedies_sought="Признать нарушение, восстановить права ребёнка, выплатить компенсацию.",
        )
        Person.objects.create(
            communication=communication,
            role=Person.Role.AUTHOR,
            given_name=filer.first_name,
            family_name=filer.last_name,
            email=filer.email,
            date_of_birth=date(2012, 3, 14) if own else date(1988, 5, 2),
        )
        if not own:
            Person.objects.create(
                communication=communication,
                role=Person.Role.VICTIM,
                given_name="Әлия",
                family_name="Иванова",
                date_of_birth=date(2018, 4, 9),
                consent=Person.Consent.WITHOUT_CONSENT_JUSTIFIED,
                without_consent_reason="Ребёнку 6 лет, он не может выразить согласие письменно.",
            )
        Claim.objects.create(
            communication=communication, instrument="CRC", article=article, explanation=explanation
        )
        DomesticRemedy.objects.create(
            communication=communication,
            authority="Алматы қалалық соты",
            started_on=date(2024, 12, 10),
            decided_on=today - timedelta(days=200),
            outcome="Шағым қанағаттандырылмады.",
            is_final=True,
        )
        return communication

    def _walk_to(self, communication: Communication, target: str, actor: User, start: date) -> None:
        day = start
        for status in PATH:
            if status not in TRANSITIONS[communication.status]:
                break
            day += timedelta(days=35)
            if status == Communication.Status.SUBMITTED:
                # Demo cases are signed like real ones, on the day they were sent.
                author = communication.people.filter(role=Person.Role.AUTHOR).first()
                communication = communication_save_step(
                    communication=communication,
                    expected_version=communication.version,
                    actor=actor,
                    fields={
                        "signed_name": str(author) if author else actor.get_full_name(),
                        "signed_on": day,
                    },
                )
                communication = communication_record_submission(
                    communication=communication, on=day, actor=actor
                )
                if status == target:
                    break
                continue
            request = TransitionRequest(
                to=status,
                on=day,
                committee_reference=f"CRC/{200 + communication.pk}/2025" if status == "registered" else "",
                closure="views_implemented" if status == "closed" else "",
            )
            communication = communication_transition(
                communication=communication, request=request, actor=actor
            )
            if status == target:
                break
