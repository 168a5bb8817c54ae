"""Words users see for the stored codes of goals, seniorities and organisations."""

from __future__ import annotations

GOAL_TYPE_LABELS = {
    "land_job": "Land a job",
    "next_level": "Reach the next level",
    "change_industry": "Change industry",
    "grow_business": "Grow a business",
    "mentors": "Find mentors and learn",
}
GOAL_TYPE_DESCRIPTIONS = {
    "land_job": "You are looking for a position, now or soon.",
    "next_level": "A step up where you are or elsewhere: meet people above your level.",
    "change_industry": "Move your skills into a field where you know few people yet.",
    "grow_business": "Find clients, partners or investors for your own business.",
    "mentors": "Learn from people who have done what you want to do.",
}
SENIORITY_LABELS = {
    "junior": "More junior than me",
    "peer": "Peers at my level",
    "senior": "Higher level than me",
    "executive": "Executives and decision-makers",
}
ORGANISATION_KIND_LABELS = {
    "alumni": "Alumni",
    "industry": "Industry",
    "professional": "Professional",
}
ORGANISATION_STATUS_LABELS = {"joined": "Joined", "to_join": "To join"}
PITCH_PART_LABELS = {
    "who": "Who I am",
    "offer": "What I offer",
    "look_for": "What I look for",
    "why": "Why",
    "ask": "The ask",
}
PITCH_PART_PLACEHOLDERS = {
    "who": "I'm a product manager with six years in B2B software.",
    "offer": "I turn messy energy data into products operators use every day.",
    "look_for": "I'm looking for a head of product role at a climate-tech company.",
    "why": "Software is how the grid will decarbonise fastest.",
    "ask": "Who is the one person I should talk to on your product team?",
}
VARIANT_LABELS = {
    "thirty_seconds": "30-second pitch",
    "headline": "One-line headline",
    "summary": "Profile summary",
}
