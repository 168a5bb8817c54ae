"""Network mix: people at a higher level vs peers, familiar circle vs new territory.

Counted over the people you were in touch with in the reciprocity window (the network you
actually spend time on); the store counts them. A share below the settings' floor gives a
warning: growth happens in elevated spaces and unfamiliar territory.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.insights.settings import InsightSettings
from desktop_app.wording import count_of


@dataclass(frozen=True)
class MixCounts:
    higher: int = 0  # senior or executive relative to me
    peers: int = 0
    junior: int = 0
    unknown: int = 0  # seniority not recorded
    familiar: int = 0
    new: int = 0

    @property
    def people(self) -> int:
        return self.familiar + self.new


@dataclass(frozen=True)
class NetworkMix:
    counts: MixCounts
    higher_share: float | None  # of people whose seniority is known
    peer_share: float | None
    new_share: float | None
    warnings: tuple[str, ...]
    reasons: tuple[str, ...]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def assess_mix(counts: MixCounts, settings: InsightSettings, months: int) -> NetworkMix:
    known = counts.higher + counts.peers + counts.junior
    higher, peers = _share(counts.higher, known), _share(counts.peers, known)
    new = _share(counts.new, counts.people)
    reasons, warnings = [], []
    if not counts.people:
        reasons.append(f"You were in touch with nobody in the last {count_of(months, 'month')}.")
        return NetworkMix(counts, None, None, None, (), tuple(reasons))
    if higher is None:
        reasons.append("No seniority is recorded for the people you were in touch with.")
    else:
        reasons.append(
            f"Of {count_of(known, 'person', 'people')} in touch in the last "
            f"{count_of(months, 'month')} whose level is known, "
            f"{counts.higher:,} ({higher:.0%}) are at a higher level than you, {counts.peers:,} "
            f"({peers:.0%}) are peers and {counts.junior:,} are junior."
        )
        if higher * 100 < settings.higher_level_share_below:
            warnings.append(
                f"Only {higher:.0%} of your contacts are at a higher level (aim for at least "
                f"{settings.higher_level_share_below}%): talking mostly to peers opens few doors."
            )
    reasons.append(
        f"{counts.new:,} of {counts.people:,} ({new:.0%}) "
        f"{'is' if counts.new == 1 else 'are'} new territory; {counts.familiar:,} "
        f"{'comes' if counts.familiar == 1 else 'come'} from your familiar circle."
    )
    if new is not None and new * 100 < settings.new_territory_share_below:
        warnings.append(
            f"Only {new:.0%} of your contacts are new territory (aim for at least "
            f"{settings.new_territory_share_below}%): growth happens outside familiar circles."
        )
    return NetworkMix(counts, higher, peers, new, tuple(warnings), tuple(reasons))
