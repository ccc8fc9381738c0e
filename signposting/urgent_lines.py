"""The national urgent lines every page, the widget and the crisis footer show, written once.

Each line names the record in ../shared/reference/services_facts.yaml it comes from. The
crisis replies themselves live in domain.yml (they must not depend on the action server);
tests/test_urgent_lines.py checks the domain's footer says what FOOTER says.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class UrgentLine:
    record: str  # the reference record's id
    before: str  # the words before the number
    number: str  # as shown
    href: str  # tel: or sms: link
    after: str  # the words after the number

    def html(self) -> str:
        link = f'<a href="{escape(self.href)}">{escape(self.number)}</a>'
        return f"{escape(self.before)}{link}{escape(self.after)}"

    def text(self) -> str:
        return f"{self.before}{self.number}{self.after}"


URGENT_LINES: tuple[UrgentLine, ...] = (
    UrgentLine("nat-999-ae", "In danger now: call ", "999", "tel:999", " or go to A&E."),
    UrgentLine("nat-nhs111-mh", "Urgent help: call ", "111", "tel:111", " and choose the mental health option."),
    UrgentLine("nat-childline", "Under 19: call Childline on ", "0800 1111", "tel:08001111", ", any time."),
    UrgentLine("nat-shout", "Text SHOUT to ", "85258", "sms:85258&body=SHOUT", ", any time."),
    UrgentLine("nat-samaritans", "Samaritans: call ", "116 123", "tel:116123", ", any time."),
)

# One sentence under every crisis-aware reply (domain.yml utter_crisis_footer says the same).
FOOTER = (
    "If you are in danger now, call 999. For urgent help, call 111 and choose the mental health option. "
    "Under 19? Call Childline on 0800 1111. Or text SHOUT to 85258."
)
# For copying or printing a list: the footer and the one line it leaves out.
PLAIN_TEXT = f"{FOOTER} Samaritans: 116 123."
# For a page that cannot run the chat (no JavaScript).
NOSCRIPT = (
    "This chat needs JavaScript. If you need help now: call 999 in an emergency, 111 for urgent help "
    "(choose the mental health option), Childline on 0800 1111, or text SHOUT to 85258."
)


def urgent_list_html(indent: str = "") -> str:
    """The lines as an HTML list, for the widget's "Get help now" panel and the saved list."""
    items = "\n".join(f"{indent}  <li>{line.html()}</li>" for line in URGENT_LINES)
    return f"{indent}<ul>\n{items}\n{indent}</ul>"
