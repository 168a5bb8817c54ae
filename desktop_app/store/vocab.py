"""The fixed vocabularies of the domain, as plain string constants.

Stored as short text codes (not integers) so the database stays readable by other tools;
the labels users see live in the ui layer.
"""

SENIORITIES = ("junior", "peer", "senior", "executive")
# Seniority in its natural order (alphabetical order is not it), as an SQL expression that
# an index of migration 0002 is built on: queries must spell it exactly like this to use it.
SENIORITY_RANK_SQL = (
    "(CASE seniority WHEN 'junior' THEN 1 WHEN 'peer' THEN 2 "
    "WHEN 'senior' THEN 3 WHEN 'executive' THEN 4 END)"
)
CIRCLES = ("familiar", "new")
CONTACT_STATUSES = ("active", "dormant", "moved_on", "archived")
EVENT_KINDS = ("social", "industry", "alumni", "conference", "meetup", "online")
ATTENDANCE_ROLES = ("planned", "met")
INTERACTION_KINDS = (
    "outreach",
    "email",
    "call",
    "meeting",
    "coffee",
    "event_conversation",
    "introduction",
    "referral",
    "advice",
)
INITIATORS = ("me", "them")
REPLY_STATUSES = ("none", "awaiting", "replied", "unanswered")
HELP_VALUES = ("none", "small", "medium", "large")
GOAL_TYPES = ("land_job", "next_level", "change_industry", "grow_business", "mentors")
ORGANISATION_KINDS = ("alumni", "industry", "professional")
ORGANISATION_STATUSES = ("joined", "to_join")


def check_constraint_sql(column: str, values: tuple[str, ...]) -> str:
    """SQL for a CHECK that ``column`` holds one of ``values``."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"
