"""What the public explainer says: one idea per page, in three registers, each statement of law cited.

The texts are gettext entries (kk, ru and en catalogues), kept here rather than in templates so that the
plain-language checks (tests/complaints/test_explainer.py) can read every child text in every language:
short sentences, no legal references inside the text (the citation is printed apart, under it).

Sources of the law stated here: the Optional Protocol to the Convention on the Rights of the Child on a
communications procedure (OPIC, UN doc. A/RES/66/138, 2011) and the Convention itself (art. 43 on the
Committee); complaints/data/SOURCES.md lists where each was read. The pictures are SVG drawings made for
the portal (static/img/explainer/), released with it under its licence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Register(StrEnum):
    """Whom a page speaks to: a child of 8 to 12, a teenager of 13 to 17, or an adult."""

    YOUNG = "young"
    TEEN = "teen"
    ADULT = "adult"


REGISTER_LABELS: Final[dict[Register, Promise]] = {
    Register.YOUNG: _("I am 8 to 12 years old"),
    Register.TEEN: _("I am 13 to 17 years old"),
    Register.ADULT: _("I am an adult: a parent, a teacher or a helper"),
}

# Child registers get the plain-language checks of the wizard's child texts.
CHILD_REGISTERS: Final = (Register.YOUNG, Register.TEEN)


@dataclass(frozen=True)
class Paragraph:
    text: Promise
    citation: Promise | None = None  # printed under the text, never inside a child's sentence


@dataclass(frozen=True)
class Topic:
    slug: str
    title: Promise
    picture: str  # file name under static/img/explainer/
    picture_alt: Promise
    paragraphs: dict[Register, tuple[Paragraph, ...]]


# Citations, in the reader's language.
CRC_43 = _("Convention on the Rights of the Child, article 43")
OPIC_5 = _("Optional Protocol on a communications procedure, article 5")
OPIC_6 = _("Optional Protocol on a communications procedure, article 6")
OPIC_4 = _("Optional Protocol on a communications procedure, article 4")
OPIC_7A = _("Optional Protocol on a communications procedure, article 7(a)")
OPIC_7E = _("Optional Protocol on a communications procedure, article 7(e)")
OPIC_7G = _("Optional Protocol on a communications procedure, article 7(g)")
OPIC_7H = _("Optional Protocol on a communications procedure, article 7(h)")
OPIC_8 = _("Optional Protocol on a communications procedure, article 8")
OPIC_9 = _("Optional Protocol on a communications procedure, article 9")
OPIC_10_11 = _("Optional Protocol on a communications procedure, articles 10 and 11")
OPIC_1_20 = _("Optional Protocol on a communications procedure, articles 1 and 20")
OPIC_1_3 = _("Optional Protocol on a communications procedure, article 1(3)")
OPIC_7D = _("Optional Protocol on a communications procedure, article 7(d)")

# The engine's criteria, cited in the reader's language (the engine's own citations are the same in
# every language).
CRITERION_CITATIONS: Final[dict[str, Promise]] = {
    "OPIC-1-3": OPIC_1_3,
    "OPIC-7-d": OPIC_7D,
    "OPIC-7-e": OPIC_7E,
    "OPIC-7-g": OPIC_7G,
    "OPIC-7-h": OPIC_7H,
}


TOPICS: Final[tuple[Topic, ...]] = (
    Topic(
        slug="committee",
        title=_("What is the UN Committee on the Rights of the Child?"),
        picture="committee.svg",
        picture_alt=_("A round table with people from many countries around it."),
        paragraphs={
            Register.YOUNG: (
                Paragraph(
                    _(
                        "It is a group of 18 experts from different countries. "
                        "They check that countries keep their promises to children."
                    ),
                    CRC_43,
                ),
                Paragraph(
                    _(
                        "It is not a court. But when the Committee says a country did wrong, "
                        "the country must answer it within six months."
                    ),
                    OPIC_10_11,
                ),
            ),
            Register.TEEN: (
                Paragraph(
                    _(
                        "The Committee is 18 independent experts chosen by the countries that signed the "
                        "Convention on the Rights of the Child. They do not work for any government."
                    ),
                    CRC_43,
                ),
                Paragraph(
                    _(
                        "It is not a court, and its decisions, called Views, are not judgments. "
                        "But the country must think about them carefully. "
                        "It must reply in writing within six months and say what it has done."
                    ),
                    OPIC_10_11,
                ),
            ),
            Register.ADULT: (
                Paragraph(
                    _(
                        "The Committee on the Rights of the Child is a body of 18 independent experts "
                        "elected "
                        "by the States parties to the Convention."
                    ),
                    CRC_43,
                ),
                Paragraph(
                    _(
                        "Under the Optional Protocol on a communications procedure it examines "
                        "communications "
                        "from or on behalf of children. It is not a court: its Views are not binding "
                        "judgments. "
                        "The State must give them due consideration and reply in writing, with what it has "
                        "done "
                        "and plans to do, within six months."
                    ),
                    OPIC_10_11,
                ),
            ),
        },
    ),
    Topic(
        slug="who",
        title=_("Who can complain, and for whom?"),
        picture="who.svg",
        picture_alt=_("A child and an adult standing side by side."),
        paragraphs={
            Register.YOUNG: (
                Paragraph(
                    _(
                        "A child can write to the Committee. A parent or another grown-up can also write "
                        "for a "
                        "child. They must ask the child first, if the child can say yes or no."
                    ),
                    OPIC_5,
                ),
                Paragraph(
                    _(
                        "It only works for countries that have joined this procedure. "
                        "Kazakhstan joined it. What happened must have happened after the country joined, "
                        "or still be going on."
                    ),
                    OPIC_1_20,
                ),
            ),
            Register.TEEN: (
                Paragraph(
                    _(
                        "You can write yourself, about what happened to you or to a group of children. "
                        "Someone can also write for you: a parent, a lawyer or an organisation. "
                        "They need your agreement, unless they can explain why they act without it."
                    ),
                    OPIC_5,
                ),
                Paragraph(
                    _(
                        "The country must have joined this procedure. For Kazakhstan it applies from 7 May "
                        "2024. "
                        "What happened must be after that date, or still be going on after it."
                    ),
                    OPIC_1_20,
                ),
            ),
            Register.ADULT: (
                Paragraph(
                    _(
                        "A communication may be submitted by or on behalf of a child or a group of children "
                        "within the jurisdiction of a State party who claim to be victims of a violation "
                        "of the "
                        "Convention or of its Optional Protocols on the sale of children and on children "
                        "in armed "
                        "conflict, where the State is party to them. Acting on behalf of a child needs the "
                        "child's "
                        "consent, unless the author can justify acting without it."
                    ),
                    OPIC_5,
                ),
                Paragraph(
                    _(
                        "The State must be a party to the Optional Protocol, and the facts must have taken "
                        "place "
                        "after it entered into force for that State, or continued after that date. For "
                        "Kazakhstan "
                        "the Protocol has been in force since 7 May 2024."
                    ),
                    OPIC_7G,
                ),
            ),
        },
    ),
    Topic(
        slug="courts-first",
        title=_("First, the courts of your country"),
        picture="courts.svg",
        picture_alt=_("A building with columns, a court."),
        paragraphs={
            Register.YOUNG: (
                Paragraph(
                    _(
                        "Before the Committee, you must try to fix the problem at home. "
                        "This means going to the courts of your country until the last answer."
                    ),
                    OPIC_7E,
                ),
                Paragraph(
                    _(
                        "If the courts take far too long, or cannot help at all, "
                        "you can explain this to the Committee."
                    ),
                    OPIC_7E,
                ),
            ),
            Register.TEEN: (
                Paragraph(
                    _(
                        "The Committee looks at a case only after the country had its chance to put it "
                        "right. "
                        "So you first go to the courts and the appeals, until the last decision."
                    ),
                    OPIC_7E,
                ),
                Paragraph(
                    _(
                        "There are two exceptions: when the courts take an unreasonably long time, "
                        "and when they could not really help. You must explain why."
                    ),
                    OPIC_7E,
                ),
            ),
            Register.ADULT: (
                Paragraph(
                    _(
                        "All available domestic remedies must have been exhausted: the case must have been "
                        "taken "
                        "through the courts to the final decision. The exception is where the remedies are "
                        "unreasonably prolonged or unlikely to bring effective relief; the author must "
                        "show why."
                    ),
                    OPIC_7E,
                ),
            ),
        },
    ),
    Topic(
        slug="one-year",
        title=_("One year to write"),
        picture="calendar.svg",
        picture_alt=_("A calendar with one year marked."),
        paragraphs={
            Register.YOUNG: (
                Paragraph(
                    _(
                        "After the last court answer, you have one year to write to the Committee. "
                        "Do not wait too long."
                    ),
                    OPIC_7H,
                ),
            ),
            Register.TEEN: (
                Paragraph(
                    _(
                        "You must send your communication within one year after the last court decision. "
                        "If you really could not do it in time, you can explain why."
                    ),
                    OPIC_7H,
                ),
            ),
            Register.ADULT: (
                Paragraph(
                    _(
                        "The communication must be submitted within one year after the exhaustion of "
                        "domestic "
                        "remedies, unless the author can show that it was not possible to submit it within "
                        "that "
                        "time. The year runs to the day the communication reaches the Committee, not the "
                        "day it "
                        "is drafted."
                    ),
                    OPIC_7H,
                ),
            ),
        },
    ),
    Topic(
        slug="after-sending",
        title=_("What happens after you send it"),
        picture="letter.svg",
        picture_alt=_("An envelope flying to a building with a flag."),
        paragraphs={
            Register.YOUNG: (
                Paragraph(
                    _(
                        "The Committee's office reads your letter. Then the Committee asks your country to "
                        "answer. The country has six months."
                    ),
                    OPIC_8,
                ),
                Paragraph(
                    _(
                        "Then you can answer too. At the end the Committee says what it thinks. "
                        "All this can take a long time, often more than a year."
                    ),
                    OPIC_10_11,
                ),
                Paragraph(
                    _("If you are in danger, the Committee can ask the country to protect you quickly."),
                    OPIC_6,
                ),
            ),
            Register.TEEN: (
                Paragraph(
                    _(
                        "The Committee's secretariat registers the communication and sends it to the State, "
                        "which has six months to reply. You then get the reply and can comment on it."
                    ),
                    OPIC_8,
                ),
                Paragraph(
                    _(
                        "The Committee decides whether it can examine the case and then adopts its Views. "
                        "The State has six months to say what it did. It usually takes more than a year."
                    ),
                    OPIC_10_11,
                ),
                Paragraph(
                    _(
                        "In an emergency, when you could suffer harm that cannot be undone, the Committee "
                        "can ask the State to take urgent measures."
                    ),
                    OPIC_6,
                ),
                Paragraph(
                    _("You and the State may also agree on a solution, with the Committee's help."),
                    OPIC_9,
                ),
            ),
            Register.ADULT: (
                Paragraph(
                    _(
                        "Unless it is plainly inadmissible, the communication is registered and brought "
                        "confidentially to the State's attention. The State submits its explanations "
                        "within six "
                        "months; the author may then comment on them."
                    ),
                    OPIC_8,
                ),
                Paragraph(
                    _(
                        "In exceptional circumstances the Committee may ask the State to take interim "
                        "measures "
                        "to avoid irreparable harm; this says nothing yet about admissibility or merits."
                    ),
                    OPIC_6,
                ),
                Paragraph(
                    _(
                        "The Committee may help the parties reach a friendly settlement; an agreement closes "
                        "the examination. Otherwise it adopts Views, and the State replies on what it did "
                        "within "
                        "six months. The whole procedure usually takes more than a year."
                    ),
                    OPIC_9,
                ),
            ),
        },
    ),
    Topic(
        slug="privacy",
        title=_("What stays private, and what the State sees"),
        picture="privacy.svg",
        picture_alt=_("A padlock on a folder."),
        paragraphs={
            Register.YOUNG: (
                Paragraph(
                    _(
                        "You must give your name. The Committee tells your country who wrote and what "
                        "happened, "
                        "so that the country can answer."
                    ),
                    OPIC_7A,
                ),
                Paragraph(
                    _(
                        "The Committee does not show your name to the public. "
                        "Nobody may punish you for writing to it."
                    ),
                    OPIC_4,
                ),
            ),
            Register.TEEN: (
                Paragraph(
                    _(
                        "A communication cannot be anonymous. The State concerned receives it, with your "
                        "name, "
                        "unless the Committee decides otherwise."
                    ),
                    OPIC_7A,
                ),
                Paragraph(
                    _(
                        "The Committee does not make your name public without your clear agreement; its "
                        "decisions use initials. The State must protect you from any harm or threat "
                        "because you "
                        "wrote."
                    ),
                    OPIC_4,
                ),
            ),
            Register.ADULT: (
                Paragraph(
                    _(
                        "Anonymous communications are inadmissible. The communication, with the identity "
                        "of the "
                        "author and the victims, is transmitted confidentially to the State concerned."
                    ),
                    OPIC_8,
                ),
                Paragraph(
                    _(
                        "The identity of the persons concerned is not revealed publicly without their "
                        "express "
                        "consent, and the State must ensure that nobody suffers ill-treatment or "
                        "intimidation "
                        "for communicating with the Committee."
                    ),
                    OPIC_4,
                ),
            ),
        },
    ),
    Topic(
        slug="help",
        title=_("Where to get help now"),
        picture="help.svg",
        picture_alt=_("A telephone with a heart."),
        paragraphs={
            Register.YOUNG: (
                Paragraph(
                    _(
                        "The Committee cannot help you today. If you are not safe, call one of these "
                        "numbers now, "
                        "or tell a grown-up you trust."
                    )
                ),
            ),
            Register.TEEN: (
                Paragraph(
                    _(
                        "The Committee is slow and cannot protect you today. If you are in danger or need "
                        "to talk, "
                        "call one of these numbers now."
                    )
                ),
            ),
            Register.ADULT: (
                Paragraph(
                    _(
                        "The procedure takes months. A child in danger needs help now: from the police, the "
                        "services below, or the children's ombudsman."
                    )
                ),
            ),
        },
    ),
)

TOPIC_BY_SLUG: Final = {topic.slug: topic for topic in TOPICS}


def topic_by_slug(slug: str) -> Topic | None:
    return TOPIC_BY_SLUG.get(slug)


def neighbours(topic: Topic) -> tuple[Topic | None, Topic | None]:
    """The topics before and after ``topic``, for the previous and next links."""
    index = TOPICS.index(topic)
    before = TOPICS[index - 1] if index > 0 else None
    after = TOPICS[index + 1] if index + 1 < len(TOPICS) else None
    return before, after
