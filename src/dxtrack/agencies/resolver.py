"""Free-text agency names -> an agency or a group of the directory, or unknown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.lineage import successor_map
from dxtrack.agencies.models import Agency, AgencyAlias, AgencyGroup
from dxtrack.agencies.names import exact_key, loose_key, variants


@dataclass(frozen=True)
class Match:
    kind: str  # "agency" | "group"
    id: int
    code: str
    name: str


_AMBIGUOUS = Match("ambiguous", 0, "", "")


class Resolver:
    """Index of every name and alias; exact keys first, then accent-free keys."""

    def __init__(self, entries: Iterable[tuple[Match, list[str]]]) -> None:
        self._exact: dict[str, Match] = {}
        self._loose: dict[str, Match] = {}
        self._primary: set[tuple[int, str]] = set()
        entries = list(entries)
        for primary in (True, False):
            for match, names in entries:
                for name in names:
                    self._add(match, exact_key(name), primary)

    def _add(self, match: Match, key: str, primary: bool) -> None:
        forms = [key] if primary else variants(key)[1:]
        for form in forms:
            for index, value in ((self._exact, form), (self._loose, loose_key(form))):
                known = index.get(value)
                if known is None:
                    index[value] = match
                    if primary:
                        self._primary.add((id(index), value))
                elif known != match and (primary or (id(index), value) not in self._primary):
                    index[value] = _AMBIGUOUS

    def resolve(self, name: str) -> Match | None:
        """The agency or group `name` designates, or None when unknown or ambiguous."""
        key = exact_key(name)
        for index, fold in ((self._exact, str), (self._loose, loose_key)):
            for form in variants(key):
                match = index.get(fold(form))
                if match is not None:
                    return None if match is _AMBIGUOUS else match
        return None


def build_resolver(db: Session) -> Resolver:
    """Every agency and group by its names; a merged, split or dissolved agency's names (and
    its dated aliases, `agency_aliases`) designate the agency answering for it now."""
    entries: list[tuple[Match, list[str]]] = []
    agencies = {agency.id: agency for agency in db.scalars(select(Agency))}
    successors = successor_map(db)
    names: dict[int, list[str]] = {}
    for agency in agencies.values():
        target = successors.get(agency.id, agency.id)
        names.setdefault(target, []).extend([agency.name, *agency.aliases])
    for agency_id, alias in db.execute(select(AgencyAlias.agency_id, AgencyAlias.name)):
        names.setdefault(successors.get(agency_id, agency_id), []).append(alias)
    for agency_id, agency_names in names.items():
        agency = agencies[agency_id]
        match = Match("agency", agency.id, agency.code, agency.name)
        entries.append((match, list(dict.fromkeys(agency_names))))
    for group in db.scalars(select(AgencyGroup)):
        match = Match("group", group.id, group.code, group.name)
        entries.append((match, [group.name, *group.aliases]))
    return Resolver(entries)
