"""The footer: the keys of the place you are in, F1 first.

Textual's footer lists the focused widget's keys, then the screen's, then
the app's, and cuts what does not fit: at 80 columns F1 (help, which lists
every key) fell off the end. Here F1 comes first, so it is always seen.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIRST = {"help", "app.help"}


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self):
        keys = list(super().compose())
        first = [key for key in keys if isinstance(key, FooterKey) and key.action in FIRST]
        yield from first + [key for key in keys if key not in first]
