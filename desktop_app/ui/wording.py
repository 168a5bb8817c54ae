"""Small helpers for the words the ui shows."""

from __future__ import annotations

from desktop_app.wording import count_of

__all__ = ["count_of"]
