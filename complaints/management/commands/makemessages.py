"""``makemessages`` that also extracts the admissibility engine's messages.

The engine (pure Python, no Django) declares each message as ``english("<id>", "<English text>")``;
the id becomes the entry's msgctxt and the English text its msgid, so translators see the English
source and the id of every reason (see ``admissibility/messages.py``).
"""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=english:1c,2"]
