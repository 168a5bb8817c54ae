"""Helps your goal: what a contact has done, or can do, toward the goal, in points.

The profile factors of ``alignment`` say whether someone *is* what the goal looks for. The
people who move a job change forward are often not: the recruiter who refers you, the
organiser who introduces you, the former colleague with advice. So two parts are added on
top of the profile's points (the score stays at most 100):

- **Helped toward your goal**: ``goal_help_points`` (15) for each act of help toward the
  goal received within the reciprocity window (12 months), up to ``goal_help_most`` (45).
  An act is a referral, an introduction or advice on which help was received (of any
  size), or a lead: medium or large help received on any other interaction (a small
  favour is not one; a referral I made, with nothing received, is not one). Three
  acts in a year lift anyone with a little in common with the goal (15 of 100) to
  Prioritise; one act lifts a near match over the mark.
- **Can help with**: ``can_help_points`` (10) when what the contact can help with names one
  of the goal's target roles, companies or industries (the pitch's matching,
  ``target_mentions.mentioned``). Not counted when the goal names none.

When the profile and these parts together pass 100, the parts show only the points that
fit, so the parts always add up to the score.
"""

from __future__ import annotations

from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.model import GoalHelp
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.target_mentions import mentioned
from desktop_app.insights.wording import quote_list
from desktop_app.wording import count_of

GOAL_HELP = "goal_help"
CAN_HELP = "can_help"
BONUS_LABELS = {GOAL_HELP: "Helped toward your goal", CAN_HELP: "Can help with"}


def help_points(acts: int, settings: InsightSettings) -> int:
    """The points ``acts`` acts of help toward the goal earn, before the cap of 100."""
    return min(settings.goal_help_most, acts * settings.goal_help_points)


def describe_help(help_: GoalHelp) -> str:
    """The help in words: "2 referrals or introductions, 1 piece of advice and 1 lead"."""
    parts = []
    if help_.referrals:
        parts.append(
            count_of(help_.referrals, "referral or introduction", "referrals or introductions")
        )
    if help_.advice:
        parts.append(count_of(help_.advice, "piece of advice", "pieces of advice"))
    if help_.leads:
        parts.append(count_of(help_.leads, "lead"))
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def help_reason(help_: GoalHelp, settings: InsightSettings) -> str:
    months = count_of(settings.reciprocity_months, "month")
    if not help_.acts:
        return f"No referral, introduction, advice or lead from them in the last {months}."
    return (
        f"{describe_help(help_)} from them in the last {months} "
        f"({settings.goal_help_points} points each, at most {settings.goal_help_most})."
    )


class CanHelpMatcher:
    """Whether a contact's "can help with" names the goal's targets, remembered per text."""

    def __init__(self, goal: GoalProfile | None) -> None:
        self.targets: tuple[str, ...] = (
            (*goal.target_roles, *goal.target_companies, *goal.target_industries) if goal else ()
        )
        self._found: dict[str, tuple[str, ...]] = {}

    def named(self, text: str | None) -> tuple[str, ...]:
        """The targets ``text`` names (remembered: the same texts repeat)."""
        text = text or ""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = tuple(mentioned(text, self.targets)) if text else ()
        return found

    def reason(self, text: str) -> str:
        if not self.targets:
            return "Your goal names no target roles, companies or industries."
        if not text.strip():
            return "Nothing is recorded of what they can help with."
        named = self.named(text)
        if named:
            return f"They can help with “{text.strip()}”, which names {quote_list(named)}."
        return f"They can help with “{text.strip()}”, which names none of your targets."
