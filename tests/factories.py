"""factory_boy factories for the portal's models."""

from __future__ import annotations

from datetime import date

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from complaints.models import (
    Claim,
    Communication,
    DomesticRemedy,
    Membership,
    Organisation,
    Person,
    User,
)

PASSWORD = "a-long-test-password-42"
# The authenticator-app secret of every enrolled test user (complaints staff must have a second factor).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    role = User.Role.FILER

    @factory.post_generation
    def password(user: User, create: bool, extracted: str | None, **kwargs: object) -> None:
        user.set_password(extracted or PASSWORD)
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    @factory.post_generation
    def second_factor(user: User, create: bool, extracted: bool | None, **kwargs: object) -> None:
        """Enrol an authenticator app (TOTP_SECRET): by default for staff, who must have one.

        ``second_factor=False`` gives a staff user who has not enrolled yet; ``True`` enrols a filer.
        """
        enrol = (user.role != User.Role.FILER or user.is_superuser) if extracted is None else extracted
        if create and enrol:
            TOTP.activate(user, TOTP_SECRET)


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.NGO
    country = "KAZ"


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, role=User.Role.CASEWORKER)
    organisation = factory.SubFactory(OrganisationFactory)


class CommunicationFactory(factory.django.DjangoModelFactory[Communication]):
    class Meta:
        model = Communication

    filer = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Case {n}")
    state = "KAZ"
    dossier_language = "ru"
    author_is_victim = False
    facts_summary = "The school refused to enrol the child because of a disability."
    # The dossier is in Russian and the text in English: its translation goes with it, as the filing
    # dossier needs (ClaimFactory's explanation included).
    translations = factory.LazyFunction(
        lambda: {
            "facts_summary": "Школа отказалась принять ребёнка из-за инвалидности.",
            "explanation": "Ребёнка не пустили в школу.",
        }
    )
    facts_start = date(2024, 9, 1)
    facts_end = date(2024, 12, 1)
    remedies_exhausted = True
    other_procedures_taken = False  # answered: no other international procedure


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    communication = factory.SubFactory(CommunicationFactory)
    role = Person.Role.VICTIM
    given_name = "Aliya"
    family_name = factory.Sequence(lambda n: f"Secretname{n}")
    date_of_birth = date(2014, 4, 1)
    consent = Person.Consent.GIVEN


class ClaimFactory(factory.django.DjangoModelFactory[Claim]):
    class Meta:
        model = Claim

    communication = factory.SubFactory(CommunicationFactory)
    instrument = "CRC"
    article = 28
    explanation = "The child was kept out of school."


class DomesticRemedyFactory(factory.django.DjangoModelFactory[DomesticRemedy]):
    class Meta:
        model = DomesticRemedy

    communication = factory.SubFactory(CommunicationFactory)
    authority = "Supreme Court"
    decided_on = date(2025, 2, 1)
    is_final = True
