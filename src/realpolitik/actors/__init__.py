"""The actor knowledge base and resolution of mentions on a date.

kb = ActorBase.load()
kb.resolve("Iran's foreign minister", on=dt.date(2024, 3, 30))   # Iran / GOV
kb.scan(text, on=article.date)                                   # every mention
"""

from realpolitik.actors.base import ActorBase, ActorMatch, SearchHit, user_dir
from realpolitik.actors.entries import Entity, KnowledgeData, Person, Spell, Sponsor, Term
from realpolitik.actors.resolver import Reading

__all__ = [
    "ActorBase",
    "ActorMatch",
    "Entity",
    "KnowledgeData",
    "Person",
    "Reading",
    "SearchHit",
    "Spell",
    "Sponsor",
    "Term",
    "user_dir",
]
