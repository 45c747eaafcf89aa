"""Text from articles made safe to print on a terminal.

An article can hold escape sequences (``\\x1b[2J`` clears the screen, ``\\x1b]0;...\\x07`` retitles
the window, others rewrite what was printed before). Printed raw, they act on the reader's
terminal. :func:`printable` shows each control character as a visible sign of the same length
instead, so offsets into the text (a trigger's span in its sentence) still hold.
"""

from __future__ import annotations

from typing import Any

# C0 controls but tab and newline, DEL, and C1 controls (0x80-0x9f: 0x9b alone starts a CSI).
_C0 = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n"}  # U+2400..: ␀ ␁ ... ␛ ...
_SIGNS = {**_C0, 0x7F: 0x2421, **dict.fromkeys(range(0x80, 0xA0), 0xFFFD)}  # ␡, �


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline (C0, DEL, C1, ESC among them)
    replaced by a visible sign (``␛`` for ESC, ``�`` for a C1 control), one for one."""
    return text.translate(_SIGNS)


def printable_tree(value: Any) -> Any:
    """``value`` (a JSON-like tree of dicts, lists and strings) with :func:`printable` applied to
    every string in it."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: printable_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [printable_tree(item) for item in value]
    return value
