"""The filing wizard: its steps, in the order of the OHCHR model complaint form, and their branching.

A step knows which questions it asks (its form and formsets), when it applies (branching), how
it splits into one-question screens for children, and which admissibility criteria it feeds, so
the live feedback can send the user back to the right place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from admissibility import add_years
from complaints.models import Communication, Person, User

# Children from this age are asked for their own consent (CRC art. 12: the views of a child
# capable of forming them); below it, the parent explains why the child was not asked.
CONSENT_ASK_AGE = 7


def is_child_mode(communication: Communication) -> bool:
    return communication.audience != Communication.Audience.ADULT


# What a caseworker's draft for a child never asks: it is in adult mode, for someone else.
FIXED_FOR_CHILD = ("audience", "author_is_victim")


def drafted_for_child(communication: Communication) -> bool:
    """A caseworker drafts this for a child their organisation represents (adult mode, for someone else)."""
    return communication.organisation_id is not None and communication.filer.role == User.Role.CASEWORKER


def files_for_someone_else(communication: Communication) -> bool:
    return communication.author_is_victim is False


def not_exhausted(communication: Communication) -> bool:
    return communication.remedies_exhausted is False


def filed_late(communication: Communication, today: date | None = None) -> bool:
    final = communication.final_domestic_decision_on
    return final is not None and (today or timezone.localdate()) > add_years(final, 1)


def may_have_representative(communication: Communication) -> bool:
    # A child filing alone is not asked about lawyers; everyone else may name one.
    return not (communication.author_is_victim and is_child_mode(communication))


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    child_title: Promise
    intro: Promise
    child_intro: Promise
    applies: Callable[[Communication], bool] = lambda communication: True
    criteria: tuple[str, ...] = ()
    # For children: the step's fields split into one-question screens (empty = one screen).
    screens: tuple[tuple[str, ...], ...] = ()
    glossary: tuple[str, ...] = field(default_factory=tuple)


STEPS: tuple[Step, ...] = (
    Step(
        "who",
        _("Who is filing, and for whom"),
        _("About you"),
        _("Tell us who is writing to the Committee and for whom."),
        _("Let's start. Are you writing for yourself or for another child?"),
        criteria=("OPIC-5-2",),
        screens=(("audience",), ("author_is_victim",), ("title",), ("dossier_language",)),
        glossary=("communication", "committee"),
    ),
    Step(
        "author",
        _("The author"),
        _("Your name and how to reach you"),
        _(
            "The Committee does not accept anonymous communications (art. 7(a)). Your details are shared "
            "with the State concerned but never published."
        ),
        _("The Committee needs to know who you are. We never put your name on the internet."),
        criteria=("OPIC-7-a",),
        screens=(
            ("given_name", "family_name"),
            ("date_of_birth",),
            ("email", "phone"),
            ("address",),
            ("nationality",),
            ("relationship_to_victim",),
        ),
        glossary=("anonymous",),
    ),
    Step(
        "victims",
        _("The children whose rights were violated"),
        _("The child you are writing for"),
        _("Name every child concerned. For a group, add one row per child."),
        _("Write the name and birthday of the child. You can add more than one child."),
        applies=files_for_someone_else,
        criteria=("OPIC-7-a", "OPIC-7-c"),
        glossary=("victim",),
    ),
    Step(
        "consent",
        _("The children's consent"),
        _("Does the child agree?"),
        _(
            "When you act for a child, the child must agree, unless you can explain why you act without "
            "consent (art. 5(2))."
        ),
        _("The child should agree that you write. Ask them, and write down what they said."),
        applies=files_for_someone_else,
        criteria=("OPIC-5-2",),
        glossary=("consent",),
    ),
    Step(
        "representative",
        _("Representative"),
        _("Someone helping you"),
        _(
            "If a lawyer or an organisation represents the author, give their details and attach a power "
            "of attorney."
        ),
        _("Is a lawyer or an organisation helping you? You can skip this."),
        applies=may_have_representative,
        glossary=("representative",),
    ),
    Step(
        "state",
        _("The State concerned"),
        _("Which country?"),
        _(
            "The State must be a party to the Optional Protocol, in force for it when the facts happened "
            "(art. 1(3), 7(g))."
        ),
        _("Which country did not respect the rights of the child?"),
        criteria=("OPIC-1-3",),
        glossary=("state_party",),
    ),
    Step(
        "facts",
        _("What happened"),
        _("What happened?"),
        _("Describe the facts in order, with dates. Say whether they still continue."),
        _("Tell us what happened, in your own words. Start from the beginning."),
        criteria=("OPIC-7-f", "OPIC-7-g"),
        screens=(("facts_summary",), ("facts_start", "facts_end"), ("facts_continuing",)),
        glossary=("ratione_temporis",),
    ),
    Step(
        "rights",
        _("Which rights were violated"),
        _("Which rights were not respected?"),
        _(
            "Choose the articles of the Convention (or of its Optional Protocols) that were violated and "
            "explain how."
        ),
        _("Pick what happened. We will find the right in the Convention for you."),
        criteria=("OPIC-7-c", "OPIC-1-2"),
        glossary=("convention",),
    ),
    Step(
        "remedies",
        _("What was done in the country"),
        _("Who did you ask for help in your country?"),
        _(
            "List each complaint, appeal or court case in order, and say whether the last decision was "
            "final. Remedies to exhaust are courts and binding administrative appeals (art. 7(e)); an "
            "ombudsperson or a petition to an official is not one. You have one year from the final "
            "decision of the last effective remedy (art. 7(h))."
        ),
        _(
            "Before writing to the UN, you must ask for help in your own country: usually the police, the "
            "prosecutor and the courts, up to the last court that can decide. Tell us who you asked and what "
            "they said."
        ),
        criteria=("OPIC-7-e", "OPIC-7-h"),
        glossary=("domestic_remedies", "final_decision"),
    ),
    Step(
        "remedies-exception",
        _("Why remedies were not exhausted"),
        _("Why didn't you go to court?"),
        _(
            "The rule does not apply where remedies are unreasonably prolonged or unlikely to bring "
            "effective relief (art. 7(e)). Explain which applies and why."
        ),
        _("Sometimes going to court takes far too long or cannot help. Tell us why."),
        applies=not_exhausted,
        criteria=("OPIC-7-e",),
        screens=(("remedies_exception",), ("remedies_exception_reason",)),
    ),
    Step(
        "late",
        _("Why the communication comes late"),
        _("Why is it late?"),
        _(
            "More than a year has passed since the final decision. Explain why it was not possible to "
            "submit earlier (art. 7(h))."
        ),
        _("It has been more than a year since the last decision. What stopped you from writing earlier?"),
        applies=filed_late,
        criteria=("OPIC-7-h",),
    ),
    Step(
        "procedures",
        _("Other international procedures"),
        _("Did you write to anyone else abroad?"),
        _("Say whether the same matter was taken to another international body (art. 7(d))."),
        _("Did you already write about this to another international organisation, or to this Committee?"),
        criteria=("OPIC-7-d",),
    ),
    Step(
        "protection",
        _("Urgency and protection"),
        _("Are you safe?"),
        _(
            "Ask for interim measures if the child faces irreparable harm before the Committee decides "
            "(art. 6), and say if you fear reprisals (art. 4)."
        ),
        _(
            "If something very bad could happen soon, the Committee can ask the country to protect you "
            "quickly."
        ),
        screens=(
            ("is_urgent",),
            ("interim_measures_requested", "interim_measures_reason"),
            ("fears_reprisals", "protection_details"),
        ),
        glossary=("interim_measures",),
    ),
    Step(
        "requests",
        _("What you ask for"),
        _("What would make it right?"),
        _("State the measures you ask the State to take."),
        _("What should the country do to put things right?"),
    ),
    Step(
        "confidentiality",
        _("Confidentiality of names"),
        _("Keeping names secret"),
        _("The Committee does not publish the names of children unless they expressly agree (rule 29(4))."),
        _("The Committee keeps children's names secret unless you say it may use them."),
    ),
    Step(
        "documents",
        _("Documents"),
        _("Papers and photos"),
        _(
            "Attach decisions, evidence, powers of attorney and consent forms: PDF, PNG or JPEG, at most "
            "10 MB each."
        ),
        _("Add photos or scans of papers that show what happened, like a court decision."),
        criteria=("OPIC-7-f",),
    ),
    Step(
        "review",
        _("Review"),
        _("Check everything"),
        _("Check every part before you sign. Use “Change” to fix a part."),
        _("Read everything once more. You can still change anything."),
    ),
    Step(
        "sign",
        _("Signature and submission"),
        _("Sign and send"),
        _("Type your full name to sign. After submission the draft is frozen and the dossier is prepared."),
        _("Write your full name to sign. Then we prepare the letter for the Committee."),
    ),
)

STEP_BY_SLUG = {step.slug: step for step in STEPS}

# Where to go to fix what a criterion found.
STEP_FOR_CRITERION = {
    "OPIC-1-3": "state",
    "OPIC-1-2": "rights",
    "OPIC-5-1": "who",
    "OPIC-5-2": "consent",
    "OPIC-7-a": "author",
    "OPIC-7-b": "review",
    "OPIC-7-c": "rights",
    "OPIC-7-d": "procedures",
    "OPIC-7-e": "remedies",
    "OPIC-7-f": "facts",
    "OPIC-7-g": "facts",
    "OPIC-7-h": "remedies",
}

GLOSSARY: dict[str, tuple[Promise, Promise]] = {
    "communication": (
        _("Communication"),
        _("The letter to the Committee that explains what happened and which rights were not respected."),
    ),
    "committee": (
        _("Committee on the Rights of the Child"),
        _(
            "Eighteen independent experts at the United Nations who check that countries respect children's "
            "rights."
        ),
    ),
    "anonymous": (_("Anonymous"), _("Without a name. The Committee cannot accept a letter without a name.")),
    "victim": (_("Victim"), _("The child whose rights were not respected.")),
    "consent": (
        _("Consent"),
        _("Saying yes: the child agrees that someone writes to the Committee for them."),
    ),
    "representative": (
        _("Representative"),
        _("A person, often a lawyer, who acts for you and whom you allowed to do so in writing."),
    ),
    "state_party": (
        _("State party"),
        _(
            "A country that has promised to follow the Optional Protocol, so the Committee can receive "
            "complaints about it."
        ),
    ),
    "ratione_temporis": (
        _("Time of the facts"),
        _(
            "The Committee can only look at what happened after the Protocol started to apply to the "
            "country, or what still went on after that day."
        ),
    ),
    "convention": (
        _("Convention on the Rights of the Child"),
        _("The agreement in which countries promised to respect the rights of every child."),
    ),
    "domestic_remedies": (
        _("Domestic remedies"),
        _(
            "The ways to get a binding decision inside your country: courts, and appeals to an authority "
            "that must decide. A complaint to an ombudsperson or a letter to an official is good to try, "
            "but it is not a remedy you must finish first, and its answer does not start the one-year "
            "clock: the last decision of a court or binding appeal does."
        ),
    ),
    "final_decision": (
        _("Final decision"),
        _(
            "The last decision of a court or binding appeal in your country, which nobody there can change "
            "any more. An ombudsperson's answer is not one."
        ),
    ),
    "interim_measures": (
        _("Interim measures"),
        _("A quick request from the Committee to the country to protect a child before the case is decided."),
    ),
}


def applicable_steps(communication: Communication) -> list[Step]:
    """Return the steps that apply to ``communication`` now, in order."""
    return [step for step in STEPS if step.applies(communication)]


def neighbours(communication: Communication, slug: str) -> tuple[Step | None, Step | None]:
    steps = applicable_steps(communication)
    slugs = [step.slug for step in steps]
    if slug not in slugs:  # a step that no longer applies: go on with the next one that does
        order = [step.slug for step in STEPS]
        later = [step for step in steps if order.index(step.slug) > order.index(slug)]
        earlier = [step for step in steps if order.index(step.slug) < order.index(slug)]
        return (earlier[-1] if earlier else None), (later[0] if later else None)
    index = slugs.index(slug)
    previous = steps[index - 1] if index > 0 else None
    following = steps[index + 1] if index + 1 < len(steps) else None
    return previous, following


def victims_of(communication: Communication) -> QuerySet[Person]:
    """Return the victims of ``communication`` as a queryset (for formsets), read once per request.

    When the request has loaded the case's people already (``prefetch_related``), the queryset
    is filled from them instead of asking the database again.
    """
    victims = communication.people.filter(role=Person.Role.VICTIM)
    loaded = getattr(communication, "_prefetched_objects_cache", {}).get("people")
    if loaded is not None:
        victims._result_cache = [p for p in loaded if p.role == Person.Role.VICTIM]
        victims._prefetch_done = True  # type: ignore[attr-defined]
    return victims


def keep_loaded(communication: Communication, relation: str, rows: list[Any]) -> None:
    """Remember ``rows`` as the part ``relation`` of ``communication``, as if just read (after a write)."""
    manager = getattr(communication, relation)
    rows_qs = manager.model._default_manager.filter(**{manager.field.name: communication})
    rows_qs._result_cache = rows
    rows_qs._prefetch_done = True
    communication._prefetched_objects_cache[relation] = rows_qs  # type: ignore[attr-defined]


def victims_needing_consent(communication: Communication, today: date | None = None) -> list[Person]:
    """Return the victims old enough to be asked whose consent is not recorded as given."""
    today = today or timezone.localdate()
    result = []
    for person in victims_of(communication):
        if person.date_of_birth is None or person.consent == Person.Consent.GIVEN:
            continue
        age = (
            today.year
            - person.date_of_birth.year
            - ((today.month, today.day) < (person.date_of_birth.month, person.date_of_birth.day))
        )
        if CONSENT_ASK_AGE <= age < 18:
            result.append(person)
    return result
