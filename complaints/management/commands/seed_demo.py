"""Demo data: a user for every role, an NGO, an ombudsman office, and a case in every status.

Every run also loads the shipped decisions of the Committee (complaints/data/decisions.json), so that
a database migrated before records were added to the file ends up with all of them.

The staff accounts (caseworker, reviewer, administrator) must sign in with a second factor: each is
enrolled with an authenticator-app secret generated on the first run, which every run prints with its
otpauth:// address, for a developer to add to an authenticator app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
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

from complaints.decisions.importer import SHIPPED, import_decisions
from complaints.dispatch.services import acknowledgement_record, dispatch_by_post
from complaints.dossiers.services import dossier_render, dossier_request
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
    Event,
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


@dataclass(frozen=True)
class Story:
    """One demo case, told consistently: the child named in the facts is the victim recorded."""

    title: str
    facts: str
    article: int
    explanation: str
    victim: tuple[str, str, date]  # given name, family name, date of birth
    # Who speaks: "" when the child is old enough to have agreed; otherwise why the author acts
    # without the child's written consent (OPIC art. 5(2)).
    without_consent_reason: str = ""
    interim_measures_reason: str = ""
    # Russian translations of Kazakh text, by field: the filing dossier (in Russian) needs them.
    translations: dict[str, str] = field(default_factory=dict)


# Caseworkers' cases, told in the third person (the caseworker is the author, not a parent).
STORIES = [
    Story(
        "Мектепке қабылдамады",
        "Нұрсұлтан Омаровты мүгедектігіне байланысты ауылдағы мектепке қабылдамады. "
        "Аудандық білім бөлімі де, сот та бас тартты.",
        28,
        "Білім алу құқығы бұзылды: бала үйде қалды, ешқандай инклюзивті білім ұсынылмады.",
        ("Нұрсұлтан", "Омаров", date(2015, 2, 11)),
        interim_measures_reason="Нұрсұлтан бір жылдан бері мектепке бармайды: әр жаңа оқу айы оның "
        "дамуына орны толмас зиян келтіреді.",
        translations={
            "facts_summary": "Нурсултана Омарова не приняли в сельскую школу из-за инвалидности. "
            "Районный отдел образования и суд тоже отказали.",
            "explanation": "Нарушено право на образование: ребёнок остался дома, никакого инклюзивного "
            "обучения не предложено.",
            "interim_measures_reason": "Нурсултан уже год не ходит в школу: каждый новый учебный месяц "
            "наносит непоправимый вред его развитию.",
        },
    ),
    Story(
        "Разлучение с матерью",
        "Органы опеки забрали Алию Иванову из семьи без решения суда и не дают ей видеться с матерью.",
        9,
        "Ребёнка разлучили с матерью без судебного решения и без оценки её наилучших интересов.",
        ("Алия", "Иванова", date(2019, 4, 9)),
        without_consent_reason="Алия ещё маленькая и не может дать согласие письменно; мать действует "
        "в её интересах.",
    ),
    Story(
        "Мектептегі зорлық-зомбылық",
        "Мұғалім сыныпта Ернар Сәрсенбаевты және басқа балаларды ұрады. Ата-аналар шағымданды, бірақ "
        "прокуратура іс қозғамады.",
        19,
        "Мемлекет баланы зорлық-зомбылықтың барлық түрінен қорғамады.",
        ("Ернар", "Сәрсенбаев", date(2013, 9, 20)),
        translations={
            "facts_summary": "Учитель бьёт Ернара Сарсенбаева и других детей в классе. Родители "
            "жаловались, но прокуратура не возбудила дело.",
            "explanation": "Государство не защитило ребёнка от всех форм насилия.",
        },
    ),
    Story(
        "Отказ в медицинской помощи",
        "Тимуру Ким отказали в бесплатном лечении редкого заболевания; суды отказали в иске.",
        24,
        "Нарушено право на наивысший достижимый уровень здоровья.",
        ("Тимур", "Ким", date(2014, 6, 3)),
        interim_measures_reason="Без лечения болезнь Тимура быстро развивается; вред его здоровью будет "
        "непоправимым.",
    ),
]
# The parent's own draft, in her words: her daughter Алия.
PARENT_STORY = Story(
    "Разлучение с матерью",
    "Органы опеки забрали мою дочь Алию из семьи без решения суда и не дают нам видеться.",
    9,
    "Ребёнка разлучили с матерью без судебного решения и без оценки её наилучших интересов.",
    ("Алия", "Иванова", date(2019, 4, 9)),
    without_consent_reason="Алия ещё маленькая и не может дать согласие письменно; я действую в её "
    "интересах.",
)
# The demo child's own draft, in her words.
CHILD_STORY = Story(
    "Мені мектепте ұрды",
    "Мұғалім мені сыныпта ұрды. Директорға айттым, бірақ ол ештеңе істемеді.",
    19,
    "Мені зорлық-зомбылықтан ешкім қорғамады.",
    ("Айгерім", "Серікқызы", date(2012, 3, 14)),
)
# A caseworker's draft about the demo child, waiting for her answer.
ON_BEHALF_STORY = Story(
    "Мектептен шығарылды",
    "Айгерім Серікқызын сабақтан жиі қалғаны үшін мектептен шығарды; қалалық білім басқармасы шешімді "
    "өзгертпеді.",
    28,
    "Баланың білім алу құқығы бұзылды: себебін сұрамай-ақ мектептен шығарды.",
    ("Айгерім", "Серікқызы", date(2012, 3, 14)),
)


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

        # Migration 0019 loaded the decisions file as it was then; refresh it so that a database
        # migrated before records were added also has every shipped decision (matched by symbol).
        created, updated = import_decisions(SHIPPED)
        self.stdout.write(f"The Committee's decisions: {created} added, {updated} refreshed.")

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

        # A child's own draft, and a parent's draft about her daughter.
        draft = self._case(child, "[demo] " + CHILD_STORY.title, CHILD_STORY, today, own=True)
        draft.facts_start = date(2024, 9, 2)
        draft.facts_continuing = True
        draft.facts_end = None
        draft.save()
        self._case(parent, "[demo] " + PARENT_STORY.title, PARENT_STORY, today, own=False)

        # Every case on the path began as a draft before it was signed; its dates follow in order:
        # final domestic decision, draft started, signed and submitted, then one step every 35 days.
        decided_on = today - timedelta(days=40 * (len(PATH) + 2))
        started_on = today - timedelta(days=40 * (len(PATH) + 1))
        for index, target in enumerate(PATH):
            story = STORIES[index % len(STORIES)]
            communication = self._case(
                caseworker, f"[demo] {story.title} ({index + 1})", story, today, own=False
            )
            communication.organisation = ngo
            communication.assignee = caseworker
            communication.interim_measures_requested = bool(story.interim_measures_reason)
            communication.interim_measures_reason = story.interim_measures_reason
            communication.is_urgent = communication.interim_measures_requested
            communication.routed_to = office if index % 2 == 0 else None
            communication.save()
            communication.remedies.update(decided_on=decided_on)
            self._walk_to(communication, target, caseworker, start=started_on)
            self._date_the_draft(communication, started_on)
            communication_assess(communication=communication)

        # A caseworker's draft for the demo child, who was invited to read it and has not answered yet.
        on_behalf = self._case(
            caseworker, "[demo] " + ON_BEHALF_STORY.title + " (жоба)", ON_BEHALF_STORY, today, own=False
        )
        on_behalf.organisation = ngo
        on_behalf.assignee = caseworker
        on_behalf.save()
        victim = on_behalf.people.get(role=Person.Role.VICTIM)
        victim.given_name, victim.family_name = child.first_name, child.last_name
        victim.date_of_birth = date(2012, 3, 14)
        victim.consent = victim.without_consent_reason = ""
        victim.consent_on = None
        victim.save()  # save(), not update(): the blind index of names follows saves
        _invitation, token = invitation_create(
            communication=on_behalf, invited_by=caseworker, role="child", person=victim, language="kk"
        )
        invitation_accept(token=token, user=child)

    @staticmethod
    def _date_the_draft(communication: Communication, started_on: date) -> None:
        """Date the draft's start before its submission, as it happened (the rows were made today)."""
        started_at = timezone.make_aware(datetime.combine(started_on, time(10, 0)))
        Communication.objects.filter(pk=communication.pk).update(created_at=started_at)
        communication.events.filter(kind=Event.Kind.CREATED).update(occurred_on=started_on)
        communication.events.filter(kind=Event.Kind.UPDATED).update(
            occurred_on=communication.submitted_on or started_on
        )

    def _case(self, filer: User, title: str, story: Story, today: date, own: bool) -> Communication:
        communication = communication_create_draft(
            filer=filer,
            title=title,
            state="KAZ",
            dossier_language="ru",
            author_is_victim=own,
            facts_summary=story.facts,
            facts_start=date(2024, 6, 1),
            facts_end=date(2024, 12, 1),
            remedies_exhausted=True,
            other_procedures_taken=False,
            remedies_sought="Признать нарушение, восстановить права ребёнка, выплатить компенсацию.",
            translations=dict(story.translations),
        )
        Person.objects.create(
            communication=communication,
            role=Person.Role.AUTHOR,
            given_name=filer.first_name,
            family_name=filer.last_name,
            email=filer.email,
            date_of_birth=story.victim[2] if own else date(1988, 5, 2),
        )
        if not own:
            given, family, born = story.victim
            Person.objects.create(
                communication=communication,
                role=Person.Role.VICTIM,
                given_name=given,
                family_name=family,
                date_of_birth=born,
                consent=(
                    Person.Consent.WITHOUT_CONSENT_JUSTIFIED
                    if story.without_consent_reason
                    else Person.Consent.GIVEN
                ),
                consent_on=None if story.without_consent_reason else date(2024, 12, 5),
                consent_statement="" if story.without_consent_reason else "Мен келісемін. / Я согласен.",
                without_consent_reason=story.without_consent_reason,
            )
        Claim.objects.create(
            communication=communication,
            instrument="CRC",
            article=story.article,
            explanation=story.explanation,
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
            if status == Communication.Status.REGISTERED and target == status:
                # This demo case reached the Committee through the portal: its filing dossier was
                # printed and posted, then the secretariat acknowledged it with a reference.
                communication = self._dispatched_and_acknowledged(communication, actor, day)
                break
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

    @staticmethod
    def _dispatched_and_acknowledged(communication: Communication, actor: User, day: date) -> Communication:
        """Render the filing dossier, record it posted the day after submission, acknowledged on ``day``."""
        with transaction.atomic():
            dossier = dossier_request(communication=communication, requested_by=actor, budgeted=False)
        dossier_render(dossier_id=dossier.pk)
        assert communication.submitted_on is not None
        dispatch_by_post(
            user=actor,
            reference=communication.reference,
            posted_on=communication.submitted_on + timedelta(days=1),
            receipt="RR 012345678 KZ (demo)",
        )
        return acknowledgement_record(
            user=actor,
            reference=communication.reference,
            on=day,
            registration_reference=f"CRC/C/G/{200 + communication.pk}/2025",
        )
