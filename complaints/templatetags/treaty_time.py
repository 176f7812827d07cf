"""Treaty deadlines in the reader's time zone, with their day in Geneva beside it."""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from complaints.deadlines.geneva import deadline_end_local, deadline_ends_at

register = template.Library()


@register.simple_tag
def deadline_end(due_on: date | None) -> SafeString | str:
    """Say when a deadline due on ``due_on`` (a day in Geneva) ends in the reader's time zone.

    Empty where the reader keeps Geneva's time: the date alone says it all there.
    """
    if due_on is None or due_on >= date.max:
        return ""
    local = deadline_end_local(due_on)
    if local.utcoffset() == deadline_ends_at(due_on).utcoffset():
        return ""
    return format_html(
        '<span class="small text-body-secondary">({})</span>',
        _("the last day in Geneva; where you are it ends on %(day)s at %(time)s")
        % {"day": date_format(local.date(), "DATE_FORMAT"), "time": date_format(local, "TIME_FORMAT")},
    )
