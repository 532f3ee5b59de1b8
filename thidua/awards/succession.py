"""A successor's collective history: the years it takes over from the units merged into it.

A merger (``organizations.merging.merge_unit``) leaves every rating and award on the unit that
earned it, under the name it had. When the successor is judged for a collective title, its
history is its own years and, for each year **before the year of a merger** that it has no
rating or award of, the record of that year of a unit it absorbed (docs/eligibility.md, "Đơn vị
nhận sáp nhập"): a streak of "Tập thể lao động xuất sắc" begun by the absorbed unit goes on at
the successor, without one year counted twice. Several absorbed units with a record of the same
year: the best rating that year wins (then the earlier merger, then the older unit). A unit
absorbed by a unit that was itself absorbed later passes on through both mergers.

Only units marked merged with a day (``status_date``) pass anything on.
"""
from collections import defaultdict

from thidua.organizations.models import Organization, OrganizationStatus

from .models import Rating

_RANK = {rating: n for n, rating in enumerate(Rating.values)}  # EXCELLENT (0) is the best


def absorbed_by():
    """{successor pk: [(absorbed pk, merger day), ...]} of every recorded merger: one query
    (mergers are few, a few thousand at most nationally)."""
    found = defaultdict(list)
    rows = Organization.objects.filter(
        status=OrganizationStatus.MERGED, merged_into__isnull=False, status_date__isnull=False
    ).order_by("status_date", "pk").values_list("merged_into_id", "pk", "status_date")
    for successor, absorbed, day in rows:
        found[successor].append((absorbed, day))
    return found


def predecessors(ids, mergers):
    """The units whose history reaches ``ids`` through ``mergers`` (``absorbed_by()``)."""
    found, todo = set(), list(ids)
    while todo:
        for absorbed, _day in mergers.get(todo.pop(), ()):
            if absorbed not in found:
                found.add(absorbed)
                todo.append(absorbed)
    return found - set(ids)


def history(pk, ratings, awards, mergers, origins=None, _seen=frozenset()):
    """(ratings, awards) of unit ``pk`` in the engine's shape, with the years it inherits.

    ``ratings``: {unit pk: {"year": rating}}; ``awards``: {unit pk: [award dicts]}, both read
    for ``pk`` and its ``predecessors``; ``mergers``: ``absorbed_by()``. ``origins``, when
    given, receives {"year": pk of the unit that earned it} for each inherited year."""
    own_ratings = dict(ratings.get(pk, {}))
    own_awards = list(awards.get(pk, ()))
    covered = set(own_ratings) | {str(award["year"]) for award in own_awards}
    offers = defaultdict(list)  # year: [(rank, day, absorbed pk, rating, awards)]
    for absorbed, day in mergers.get(pk, ()):
        if absorbed in _seen:  # a cycle only bad data could make
            continue
        earned = {}
        old_ratings, old_awards = history(absorbed, ratings, awards, mergers, earned,
                                          _seen | {pk})
        by_year = defaultdict(list)
        for award in old_awards:
            by_year[str(award["year"])].append(award)
        for year in set(old_ratings) | set(by_year):
            if int(year) < day.year and year not in covered:
                rating = old_ratings.get(year)
                offers[year].append((_RANK.get(rating, len(_RANK)), day, absorbed, rating,
                                     by_year[year], earned.get(year, absorbed)))
    for year, offered in offers.items():
        *_, rating, year_awards, earner = min(offered, key=lambda offer: offer[:3])
        if origins is not None:
            origins[year] = earner
        if rating is not None:
            own_ratings[year] = rating
        own_awards.extend(year_awards)
    return own_ratings, sorted(own_awards, key=_award_order)


def _award_order(award):
    return (-award["year"], award["type"], award["revoked"], award["issuer_kind"] or "",
            award["decided_on"] or "")
