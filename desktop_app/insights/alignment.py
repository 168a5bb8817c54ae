"""Alignment 0-100: how well a contact fits the active goal, factor by factor.

Six profile factors, each earning all, half or none of its points:

- industry: the contact's industry names one of the goal's target industries (all);
- company: the contact's company is one of the target companies (all);
- role: the title holds every meaningful word of a target role (all) or at least half of
  them ("Senior Product Manager" vs "Head of Product" shares "product": half);
- seniority: at or above the target seniority (all), one level below (half);
- location: the contact's location names one of the goal's target locations (all);
- interests: a shared interest relates to the goal's words (all), any shared interest (half).

The 100 points are shared among the factors the goal names (a goal without target
companies does not cap everyone at 80) in proportion to the weights in the settings, as
whole numbers (largest remainder), and a half is rounded up; so the points shown for each
factor always add up to the score.

On top of the profile come the two parts of ``goal_help`` (help received toward the goal,
and a "can help with" that names the goal's targets): points added to the profile's, the
score kept at most 100.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.insights.goal_help import (
    BONUS_LABELS,
    CAN_HELP,
    GOAL_HELP,
    CanHelpMatcher,
    help_points,
    help_reason,
)
from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.model import SENIORITY_RANKS, ContactProfile, GoalHelp
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.text import (
    contains_phrase,
    meaningful,
    name_tokens,
    split_list,
    tokens,
)

FACTOR_KEYS = ("industry", "company", "role", "seniority", "location", "interests")
FACTOR_LABELS = {
    "industry": "Industry",
    "company": "Company",
    "role": "Role",
    "seniority": "Seniority",
    "location": "Location",
    "interests": "Shared interests",
    **BONUS_LABELS,
}


@dataclass(frozen=True)
class Factor:
    key: str
    label: str
    max_points: int  # what this factor can earn for this goal (0: not counted)
    fraction: float  # 0, 0.5 or 1
    points: int
    reason: str

    @property
    def summary(self) -> str:
        if not self.max_points:
            return f"{self.label} (not counted): {self.reason}"
        return f"{self.label} {self.points}/{self.max_points}: {self.reason}"


@dataclass(frozen=True)
class Alignment:
    score: int  # 0-100, the sum of the factors' points
    factors: tuple[Factor, ...]
    reasons: tuple[str, ...]


def apportion(weights: dict[str, int], total: int = 100) -> dict[str, int]:
    """Share ``total`` among ``weights`` as whole numbers (largest remainder method)."""
    weight_sum = sum(weights.values())
    if weight_sum <= 0:
        return dict.fromkeys(weights, 0)
    # Integer arithmetic: equal weights must have exactly equal remainders.
    shares = {key: total * weight // weight_sum for key, weight in weights.items()}
    remainders = {key: total * weight % weight_sum for key, weight in weights.items()}
    left = total - sum(shares.values())
    order = {key: index for index, key in enumerate(weights)}  # ties: the factors' order
    for key in sorted(weights, key=lambda key: (-remainders[key], order[key]))[:left]:
        shares[key] += 1
    return shares


def _half_up(value: float) -> int:
    return int(value + 0.5)


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(values)


class AlignmentScorer:
    """Scores contacts against one goal with one set of settings.

    ``score`` is the fast path for many contacts (each factor's points are remembered per
    distinct value: industries, companies and titles repeat); ``explain`` gives the
    breakdown with reasons. Both use the same matching, so they always agree.
    """

    def __init__(self, goal: GoalProfile | None, settings: InsightSettings) -> None:
        self.goal = goal
        self.settings = settings
        counted: dict[str, int] = dict.fromkeys(FACTOR_KEYS, 0)
        if goal is not None:
            names = {
                "industry": bool(goal.target_industries),
                "company": bool(goal.target_companies),
                "role": bool(goal.target_roles),
                "seniority": goal.target_seniority in SENIORITY_RANKS,
                "location": bool(goal.target_locations),
                "interests": True,
            }
            counted = {key: settings.weights[key] if names[key] else 0 for key in FACTOR_KEYS}
        self.max_points = apportion(counted)
        self._industries = [name_tokens(t) for t in goal.target_industries] if goal else []
        self._companies = [name_tokens(t) for t in goal.target_companies] if goal else []
        self._locations = [name_tokens(t) for t in goal.target_locations] if goal else []
        self.can_help = CanHelpMatcher(goal)
        # The most each part on top of the profile can add (0: not counted).
        self.max_points[GOAL_HELP] = settings.goal_help_most if goal else 0
        self.max_points[CAN_HELP] = settings.can_help_points if self.can_help.targets else 0
        self._roles = [(role, meaningful(role)) for role in goal.target_roles] if goal else []
        self._goal_words = _goal_words(goal) if goal else frozenset()
        self._target_rank = SENIORITY_RANKS.get(goal.target_seniority or "", -1) if goal else -1
        self._cache: dict[str, dict[str | None, int]] = {key: {} for key in FACTOR_KEYS}

    # -- the fast path -------------------------------------------------------------------
    def score(
        self,
        industry: str,
        company: str,
        title: str,
        seniority: str | None,
        interests: str,
        location: str = "",
        can_help_with: str = "",
        goal_help_acts: int = 0,
    ) -> int:
        profile = (
            self.points("industry", industry)
            + self.points("company", company)
            + self.points("role", title)
            + self.points("seniority", seniority)
            + self.points("location", location)
            + self.points("interests", interests)
        )
        return self.with_goal_help(profile, can_help_with, goal_help_acts)

    def with_goal_help(self, profile: int, can_help_with: str | None, acts: int) -> int:
        """The score: the profile's points plus the parts of ``goal_help``, at most 100."""
        if self.goal is None:
            return profile
        extra = help_points(acts, self.settings) if acts else 0
        if self.max_points[CAN_HELP] and can_help_with and self.can_help.named(can_help_with):
            extra += self.max_points[CAN_HELP]
        return min(100, profile + extra)

    def points(self, key: str, value: str | None) -> int:
        """The points ``value`` earns for factor ``key``, remembered per distinct value."""
        cache = self._cache[key]
        found = cache.get(value)
        if found is None:
            found = cache[value] = _half_up(self.max_points[key] * self.match(key, value)[0])
        return found

    def cache(self, key: str) -> dict[str | None, int]:
        """The remembered points of factor ``key`` by value, for loops that inline lookups;
        a miss is filled by calling ``points``."""
        return self._cache[key]

    # -- matching, with the reason in words ----------------------------------------------
    def match(self, key: str, value: str | None) -> tuple[float, str]:
        """The fraction (0, 0.5, 1) of ``key``'s points that ``value`` earns, and why."""
        if self.goal is None:
            return 0.0, "There is no active goal to compare with."
        return getattr(self, f"_match_{key}")(value or "")

    def _match_industry(self, industry: str) -> tuple[float, str]:
        if not self.goal or not self.goal.target_industries:
            return 0.0, "Your goal names no target industries."
        if not industry.strip():
            return 0.0, "No industry is recorded for this contact."
        words = name_tokens(industry)
        for target, target_words in zip(self.goal.target_industries, self._industries, strict=True):
            if contains_phrase(words, target_words):
                return 1.0, f"Works in {industry}, one of your target industries ({target})."
        return 0.0, (
            f"Works in {industry}; your target industries are "
            f"{_listed(self.goal.target_industries)}."
        )

    def _match_company(self, company: str) -> tuple[float, str]:
        if not self.goal or not self.goal.target_companies:
            return 0.0, "Your goal names no target companies."
        if not company.strip():
            return 0.0, "No company is recorded for this contact."
        words = name_tokens(company)
        for target, target_words in zip(self.goal.target_companies, self._companies, strict=True):
            if contains_phrase(words, target_words):
                return 1.0, f"Works at {company}, one of your target companies ({target})."
        return 0.0, f"Works at {company}, which is not one of your target companies."

    def _match_role(self, title: str) -> tuple[float, str]:
        if not self.goal or not self.goal.target_roles:
            return 0.0, "Your goal names no target roles."
        if not title.strip():
            return 0.0, "No title is recorded for this contact."
        title_words = meaningful(title)
        best: tuple[float, str, frozenset[str]] = (0.0, "", frozenset())
        for role, role_words in self._roles:
            if not role_words:
                continue
            shared = role_words & title_words
            share = len(shared) / len(role_words)
            fraction = 1.0 if share >= 1 else 0.5 if share >= 0.5 else 0.0
            if fraction > best[0]:
                best = (fraction, role, shared)
        fraction, role, shared = best
        if fraction == 1.0:
            return 1.0, f"The title “{title}” matches your target role “{role}”."
        if fraction == 0.5:
            words = ", ".join(f"“{w}”" for w in sorted(shared))
            return 0.5, f"The title “{title}” shares {words} with your target role “{role}”."
        return 0.0, (
            f"The title “{title}” does not match your target roles "
            f"({_listed(self.goal.target_roles)})."
        )

    def _match_location(self, location: str) -> tuple[float, str]:
        if not self.goal or not self.goal.target_locations:
            return 0.0, "Your goal names no target locations."
        if not location.strip():
            return 0.0, "No location is recorded for this contact."
        words = name_tokens(location)
        for target, target_words in zip(self.goal.target_locations, self._locations, strict=True):
            if contains_phrase(words, target_words):
                return 1.0, f"Based in {location}, one of your target locations ({target})."
        return 0.0, (
            f"Based in {location}; your target locations are {_listed(self.goal.target_locations)}."
        )

    def _match_seniority(self, seniority: str) -> tuple[float, str]:
        if self._target_rank < 0 or not self.goal:
            return 0.0, "Your goal names no target seniority."
        target = self.goal.target_seniority
        rank = SENIORITY_RANKS.get(seniority)
        if rank is None:
            return 0.0, "Their seniority is not recorded."
        if rank >= self._target_rank:
            return 1.0, f"{seniority.capitalize()}: at or above the level you target ({target})."
        if rank == self._target_rank - 1:
            return (
                0.5,
                f"{seniority.capitalize()}: one level below the level you target ({target}).",
            )
        return 0.0, f"{seniority.capitalize()}: well below the level you target ({target})."

    def _match_interests(self, interests: str) -> tuple[float, str]:
        items = split_list(interests)
        if not items:
            return 0.0, "No shared interests are recorded."
        for item in items:
            if set(tokens(item)) & self._goal_words:
                return 1.0, f"You share interests, and “{item}” relates to your goal."
        return 0.5, f"You share interests ({_listed(items)}), none of them tied to your goal."

    # -- the breakdown -------------------------------------------------------------------
    def explain(self, contact: ContactProfile, goal_help: GoalHelp | None = None) -> Alignment:
        goal_help = goal_help or GoalHelp()
        values = {
            "industry": contact.industry,
            "company": contact.company,
            "role": contact.title,
            "seniority": contact.seniority,
            "location": contact.location,
            "interests": contact.shared_interests,
        }
        factors = []
        for key in FACTOR_KEYS:
            fraction, reason = self.match(key, values[key])
            maximum = self.max_points[key]
            factors.append(
                Factor(
                    key, FACTOR_LABELS[key], maximum, fraction, _half_up(maximum * fraction), reason
                )
            )
        profile = sum(f.points for f in factors)
        factors.extend(self._goal_help_parts(contact, goal_help, profile))
        score = sum(f.points for f in factors)
        if self.goal is None:
            headline = "Alignment 0/100: there is no active goal yet (the goal wizard sets one)."
        elif not any(self.max_points[key] for key in FACTOR_KEYS):
            headline = (
                "Alignment 0/100: no factor counts (every weight of the goal's factors is 0)."
            )
        else:
            parts = ", ".join(
                f"{f.label.lower()} {f.points}/{f.max_points}"
                for f in factors
                if f.max_points and f.key in FACTOR_KEYS
            )
            extras = "".join(
                f"; {f.label.lower()} +{f.points}"
                for f in factors
                if f.points and f.key not in FACTOR_KEYS
            )
            headline = f"Alignment {score}/100 with your goal: {parts}{extras}."
        reasons = (headline, *(f.summary for f in factors if self.goal is not None))
        return Alignment(score, tuple(factors), reasons)

    def _goal_help_parts(
        self, contact: ContactProfile, goal_help: GoalHelp, profile: int
    ) -> list[Factor]:
        """The parts on top of the profile, trimmed so that the score stays at most 100."""
        if self.goal is None:
            return []
        room = 100 - profile
        parts = []
        earned = help_points(goal_help.acts, self.settings)
        shown = min(earned, room)
        reason = help_reason(goal_help, self.settings)
        if shown < earned:
            reason += f" Only {shown} of the {earned} points fit under 100."
        maximum = self.max_points[GOAL_HELP]
        fraction = earned / maximum if maximum else 0.0
        parts.append(Factor(GOAL_HELP, FACTOR_LABELS[GOAL_HELP], maximum, fraction, shown, reason))
        room -= shown
        maximum = self.max_points[CAN_HELP]
        named = bool(maximum) and bool(self.can_help.named(contact.can_help_with))
        earned = maximum if named else 0
        shown = min(earned, room)
        reason = self.can_help.reason(contact.can_help_with)
        if shown < earned:
            reason += f" Only {shown} of the {earned} points fit under 100."
        parts.append(
            Factor(CAN_HELP, FACTOR_LABELS[CAN_HELP], maximum, 1.0 if named else 0.0, shown, reason)
        )
        return parts


def _goal_words(goal: GoalProfile) -> frozenset[str]:
    """The meaningful words of the goal: a shared interest using one relates to it."""
    text = " ".join(
        (goal.statement, *goal.target_roles, *goal.target_industries, *goal.target_companies)
    )
    return frozenset(w for w in meaningful(text) if len(w) > 2)
