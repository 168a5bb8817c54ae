"""The goal profile and its pitch: read the active version, save a new one, list history.

Editing never overwrites: each save adds a goal version (with its organisations) and a
pitch version in one transaction and makes them the active ones; older versions stay
readable. Rows leave this module as the plain values of ``insights.goal_profile``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from desktop_app.insights.goal_profile import (
    ChecklistItem,
    GoalProfile,
    OrganisationEntry,
    PitchDraft,
    PitchParts,
    PitchVariants,
    stored_measures,
)
from desktop_app.store.database import Database
from desktop_app.store.errors import ChangedElsewhereError
from desktop_app.store.models import Goal, Organisation, Pitch, Setting

WIZARD_SKIPPED_KEY = "goal_wizard.skipped"
# ``save_goal_version`` without a version to compare (versions count from 1).
ANY_VERSION = -1
GOAL_CHANGED_ELSEWHERE = (
    "The goal was changed elsewhere meanwhile — reload it to see that change; "
    "nothing was overwritten."
)


@dataclass(frozen=True)
class GoalVersion:
    """One saved version of the goal and the pitch written for it (if any)."""

    goal_id: int
    version: int
    created_at: dt.datetime
    is_active: bool
    profile: GoalProfile
    pitch: PitchDraft | None
    pitch_version: int | None


@dataclass(frozen=True)
class VersionSummary:
    """A line of the history: enough to list a version without reading it whole."""

    goal_id: int
    version: int
    created_at: dt.datetime
    is_active: bool
    statement: str


@dataclass(frozen=True)
class SavedVersion:
    goal_id: int
    version: int
    pitch_version: int


def _profile(goal: Goal) -> GoalProfile:
    checklist: dict[str, Any] = goal.checklist or {}
    return GoalProfile(
        goal_type=goal.goal_type,
        statement=goal.statement,
        target_roles=_texts(goal.target_roles),
        target_companies=_texts(goal.target_companies),
        target_industries=_texts(goal.target_industries),
        target_locations=_texts(goal.target_locations),
        target_seniority=goal.target_seniority,
        weekly_hours=goal.weekly_hours,
        target_date=goal.target_date,
        measures=stored_measures(goal.measures),
        checklist={
            key: ChecklistItem(bool(item.get("done")), str(item.get("note") or ""))
            for key, item in checklist.items()
            if isinstance(item, dict)
        },
        organisations=tuple(
            OrganisationEntry(org.name, org.kind, org.status)
            for org in sorted(goal.organisations, key=lambda org: org.id)
        ),
    )


# A goal written by an older import may hold lists of any JSON: what is not a text is
# passed over rather than failing every reader.
def _texts(values: Any) -> tuple[str, ...]:
    return tuple(value for value in values or () if isinstance(value, str))


def _pitch(pitch: Pitch) -> PitchDraft:
    return PitchDraft(
        parts=PitchParts.from_dict(pitch.parts or {}),
        text=pitch.text,
        variants=PitchVariants.from_dict(pitch.variants or {}),
    )


def _latest_pitch(session: Session, goal_id: int) -> Pitch | None:
    return session.scalars(
        select(Pitch).where(Pitch.goal_id == goal_id).order_by(Pitch.version.desc()).limit(1)
    ).first()


def _version(session: Session, goal: Goal) -> GoalVersion:
    pitch = _latest_pitch(session, goal.id)
    return GoalVersion(
        goal_id=goal.id,
        version=goal.version,
        created_at=goal.created_at,
        is_active=goal.is_active,
        profile=_profile(goal),
        pitch=_pitch(pitch) if pitch else None,
        pitch_version=pitch.version if pitch else None,
    )


def read_active_goal(db: Database) -> GoalVersion | None:
    """The active goal and its latest pitch, or None before the first goal is saved."""
    with db.transaction() as session:
        goal = session.scalars(
            select(Goal).where(Goal.is_active.is_(True)).options(selectinload(Goal.organisations))
        ).first()
        return _version(session, goal) if goal else None


def read_goal_version(db: Database, goal_id: int) -> GoalVersion | None:
    with db.transaction() as session:
        goal = session.scalars(
            select(Goal).where(Goal.id == goal_id).options(selectinload(Goal.organisations))
        ).first()
        return _version(session, goal) if goal else None


def list_goal_versions(db: Database) -> list[VersionSummary]:
    """Every version, newest first."""
    with db.transaction() as session:
        rows = session.execute(
            select(Goal.id, Goal.version, Goal.created_at, Goal.is_active, Goal.statement).order_by(
                Goal.version.desc()
            )
        ).all()
    return [VersionSummary(*row) for row in rows]


def has_goal(db: Database) -> bool:
    with db.transaction() as session:
        return session.scalar(select(Goal.id).limit(1)) is not None


def active_goal_version(db: Database) -> int | None:
    """The active goal's version number (None before the first goal is saved)."""
    with db.transaction() as session:
        return session.scalar(select(Goal.version).where(Goal.is_active.is_(True)))


def save_goal_version(
    db: Database, profile: GoalProfile, pitch: PitchDraft, *, based_on: int | None = ANY_VERSION
) -> SavedVersion:
    """Add a goal version, its organisations and its pitch, and make them active: one
    transaction, so a failure leaves the previous version active and nothing half-saved.

    ``based_on`` is the active version when editing began (None: there was none); a goal
    saved by someone else since is refused rather than replaced."""
    with db.transaction() as session:
        # Deactivate first, as its own statement: the partial unique index allows one
        # active goal at any moment, and the ORM might otherwise insert before updating.
        # The row it locks also makes a second writer wait, then see the new version.
        replaced = session.scalar(
            update(Goal)
            .where(Goal.is_active.is_(True))
            .values(is_active=False)
            .returning(Goal.version),
            execution_options={"synchronize_session": False},
        )
        if based_on != ANY_VERSION and replaced != based_on:
            raise ChangedElsewhereError(GOAL_CHANGED_ELSEWHERE)
        goal_version = (session.scalar(select(func.max(Goal.version))) or 0) + 1
        pitch_version = (session.scalar(select(func.max(Pitch.version))) or 0) + 1
        goal = Goal(
            version=goal_version,
            is_active=True,
            goal_type=profile.goal_type,
            statement=profile.statement,
            target_roles=list(profile.target_roles),
            target_companies=list(profile.target_companies),
            target_industries=list(profile.target_industries),
            target_locations=list(profile.target_locations),
            target_seniority=profile.target_seniority,
            weekly_hours=profile.weekly_hours,
            target_date=profile.target_date,
            measures=[measure.as_dict() for measure in profile.measures],
            checklist={
                key: {"done": item.done, "note": item.note}
                for key, item in profile.checklist.items()
            },
            organisations=[
                Organisation(name=org.name, kind=org.kind, status=org.status)
                for org in profile.organisations
            ],
        )
        session.add(goal)
        session.flush()
        session.add(
            Pitch(
                goal_id=goal.id,
                version=pitch_version,
                parts=pitch.parts.as_dict(),
                text=pitch.text,
                variants=pitch.variants.as_dict(),
            )
        )
        return SavedVersion(goal.id, goal_version, pitch_version)


def wizard_skipped(db: Database) -> bool:
    with db.transaction() as session:
        setting = session.get(Setting, WIZARD_SKIPPED_KEY)
        return bool(setting and setting.value)


def set_wizard_skipped(db: Database, skipped: bool = True) -> None:
    """Remember that the user put the first-start wizard off, until they open it."""
    with db.transaction() as session:
        setting = session.get(Setting, WIZARD_SKIPPED_KEY)
        if setting is None:
            session.add(Setting(key=WIZARD_SKIPPED_KEY, value=skipped))
        else:
            setting.value = skipped


def should_offer_wizard(db: Database) -> bool:
    """On first start: no goal saved yet and the wizard not put off."""
    with db.transaction() as session:
        if session.scalar(select(Goal.id).limit(1)) is not None:
            return False
        setting = session.get(Setting, WIZARD_SKIPPED_KEY)
        return not (setting and setting.value)
