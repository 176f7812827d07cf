"""Events say what happened as a code and its values, written out in the reader's language.

Existing rows were written as sentences in the language of whoever acted; a sentence this migration
recognises (in English, Kazakh or Russian, as the catalogues translate it) becomes its code and
values, any other text stays as the note it was.
"""

import re

from django.db import migrations, models
from django.utils import translation

import complaints.crypto.fields

LANGUAGES = ("en", "kk", "ru")

# The sentences the portal wrote before, by the code that replaces them (frozen here).
SENTENCES = {
    "invitation.sent.child": "Invited the child to review the draft.",
    "invitation.sent.parent": "Invited a parent or guardian to review the draft.",
    "invitation.accepted": "The invitation to review was accepted.",
    "invitation.withdrawn": "An invitation to review was withdrawn.",
    "invitation.answered": "Answer from %(whom)s: %(answer)s.",
    "dispatch.sent": "Sent by %(channel)s to %(recipient)s",
    "clarification.requested": "Answer by %(day)s",
}
# The labels a sentence held, by the value now stored instead.
LABELS = {
    "whom": {"child": "The child", "parent": "A parent or guardian"},
    "answer": {
        "agreed": "Agrees that it is sent",
        "changes": "Asks for changes",
        "declined": "Does not agree",
    },
    "channel": {"email": "E-mail", "post": "Post"},
    "decision": {
        "refer_domestic": "Refer to a domestic mechanism",
        "support": "Support the communication",
        "more_information": "Ask the filer for more information",
    },
}


def _in_every_language(text):
    seen = []
    for language in LANGUAGES:
        with translation.override(language):
            translated = translation.gettext(text)
        if translated not in seen:
            seen.append(translated)
    return seen


def _value(name, text):
    for value, label in LABELS.get(name, {}).items():
        if text in _in_every_language(label):
            return value
    return None if name in LABELS else text


def _patterns():
    patterns = []
    for code, sentence in SENTENCES.items():
        for translated in _in_every_language(sentence):
            names = re.findall(r"%\((\w+)\)s", translated)
            regex = re.escape(translated)
            for name in names:
                regex = regex.replace(re.escape(f"%({name})s"), f"(?P<{name}>.+?)", 1)
            patterns.append((code, re.compile(f"^{regex}$", re.DOTALL)))
    return patterns


def _recognise(event, patterns, nobody, decisions):
    note = (event.note or "").strip()
    if event.kind == "assigned" and note:
        return ("case.unassigned", {}) if note in nobody else ("case.assigned", {"name": note})
    if event.kind == "note" and not event.is_private:
        for value, labels in decisions.items():
            for label in labels:
                if note.startswith(label + ": "):
                    return "review.triaged", {"decision": value, "reason": note[len(label) + 2 :]}
    for code, pattern in patterns:
        match = pattern.match(note)
        if match is None:
            continue
        params = {name: _value(name, text) for name, text in match.groupdict().items()}
        if None not in params.values():
            return code, params
    return None


def events_to_codes(apps, schema_editor):
    Event = apps.get_model("complaints", "Event")
    patterns = _patterns()
    nobody = set(_in_every_language("Nobody"))
    decisions = {value: _in_every_language(label) for value, label in LABELS["decision"].items()}
    kinds = ("invitation", "dispatched", "clarification", "assigned", "note")
    for event in Event.objects.filter(kind__in=kinds, code="").iterator():
        found = _recognise(event, patterns, nobody, decisions)
        if found is not None:
            event.code, event.params = found
            event.note = ""
            event.save(update_fields=["code", "params", "note"])


def codes_to_events(apps, schema_editor):
    """Going back keeps the rows; the sentences are written again in English."""
    Event = apps.get_model("complaints", "Event")
    for event in Event.objects.exclude(code="").iterator():
        params = {
            name: LABELS.get(name, {}).get(value, value) for name, value in (event.params or {}).items()
        }
        if event.code == "case.assigned":
            event.note = params.get("name", "")
        elif event.code == "case.unassigned":
            event.note = "Nobody"
        elif event.code == "review.triaged":
            event.note = f"{params.get('decision', '')}: {params.get('reason', '')}"
        elif event.code in SENTENCES:
            event.note = SENTENCES[event.code] % params if params else SENTENCES[event.code]
        event.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0023_signed_page"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="code",
            field=models.CharField(blank=True, max_length=40, verbose_name="code"),
        ),
        migrations.AddField(
            model_name="event",
            name="params",
            field=complaints.crypto.fields.EncryptedJSONField(
                blank=True, default=dict, verbose_name="values"
            ),
        ),
        migrations.RunPython(events_to_codes, codes_to_events),
    ]
