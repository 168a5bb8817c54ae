"""The custom item roles of every model and item widget, each with its own number.

One home keeps two meanings from sharing a number: a view or delegate reading
``CONTACT_ID_ROLE`` gets a contact's id from whichever model it is shown, never another id.
Roles are asked through proxies too, so rows keep these however they are sorted.
"""

from __future__ import annotations

# Qt.ItemDataRole.UserRole, Qt's first role for applications (fixed at 0x0100). Spelled as
# a number: the navigation needs a role before the first paint, and Qt's namespace builds
# every one of its enums at first use (about 14 ms).
_USER = 0x0100

# The id of what the row itself is: an event, an interaction (a follow-up is one), a goal
# version, a line of an import plan (its index in the plan).
ID_ROLE = _USER + 1
# The contact the row shows or is about (the contacts table, attendees, the review).
CONTACT_ID_ROLE = _USER + 2
# The cell's raw value, comparable (numbers as numbers, dates as dates).
SORT_ROLE = _USER + 3
# A contact's status ("active", "archived"...), for how its row is drawn.
STATUS_ROLE = _USER + 4
# The key of a group row (the follow-ups' "overdue", "today"...).
GROUP_ROLE = _USER + 5
# Every reason of a verdict, the deciding one first.
REASONS_ROLE = _USER + 6
# The flag that decided a verdict (one the user may dismiss).
FLAG_ROLE = _USER + 7
# Whether a goal version is the one in force.
ACTIVE_ROLE = _USER + 8
# The page a navigation entry opens.
PAGE_NAME_ROLE = _USER + 9
# The contact field an import decision's entry stands for.
FIELD_ROLE = _USER + 10
