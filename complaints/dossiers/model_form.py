"""The order of the OHCHR model form for individual communications: the one table the dossier follows.

The Office of the High Commissioner publishes a model form and a guidance note for communications
to the treaty bodies, the Committee on the Rights of the Child among them, in English, French,
Russian and Spanish. The form itself (a PDF on ohchr.org) is not among the stored sources this
portal was built from, so its order is taken from three secondary sources that describe it
(complaints/data/SOURCES.md, "The model communication form", says what each one gives):

- Children's Rights Observatory, "Model complaint form and guidance note"
  (https://www.childrensrightsobservatory.org/discussions/model-complaint-form-and-guidance-note):
  the form asks, in this order, for the Committee; the State party; the complainant; the victim,
  if another person; counsel or another representative; then yes/no questions on anonymity in the
  decision, on the same matter before another international procedure, and on interim measures;
  then a summary of the facts, with the domestic remedies; then how and why the facts violate the
  Convention.
- The OHCHR guidance note as reproduced at
  https://europeancourt.org/en/documents/un/committees/form-for-individual-communications/guidance-note/
  ("1. General information": submission language, Committee, State party concerned; "2-3. Main
  correspondent/complainant and alleged victim"; only the secretariat's working languages,
  English, French, Russian and Spanish, are accepted).
- The OHCHR fact sheet on individual complaints (Fact Sheet No. 7/Rev.2) as quoted at
  https://espchhelp.ru/koon/stati/4412-what-information-should-be-included-in-the-complaint-to-the-un-committees:
  the remedies sought from the State, copies of the domestic decisions, in writing and signed.

The dossier's sections are numbered in this order (the number is part of each heading in
complaints/dossiers/labels.py) and templates/pdf/dossier.html lays them out in it; a test reads
the outline of a rendered dossier and compares it with this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class FormSection:
    """A section of the dossier: its label id (complaints/dossiers/labels.py) and what the form asks."""

    label: str
    form_part: str


MODEL_FORM_SECTIONS: Final[tuple[FormSection, ...]] = (
    FormSection("s_state", "General information: the Committee and the State party concerned"),
    FormSection("s_author", "The complainant (author) and their contact details"),
    FormSection("s_victims", "The alleged victim(s), if other than the complainant"),
    FormSection("s_representative", "Counsel or other representative"),
    FormSection("s_confidential", "Anonymity: names withheld in the decision (rule 29(4))"),
    FormSection("s_other", "The same matter before another international procedure"),
    FormSection("s_interim", "Interim measures or measures of protection (OPIC art. 6)"),
    FormSection("s_facts", "Summary of the facts"),
    FormSection("s_remedies", "Domestic remedies (OPIC art. 7(e))"),
    FormSection("s_claims", "How and why the facts violate the Convention"),
    FormSection("s_sought", "What the author asks the State to do (Fact Sheet No. 7/Rev.2)"),
    FormSection("s_annexes", "The list of attached documents"),
    FormSection("s_checklist", "Check-list: what is attached and what to check before sending"),
)
