"""Proposed application changes, applied to the benchmark process only, so that
``bench/org_scale.py --proposed P`` measures their effect without touching the app.

p1–p6 of ``bench/RESULTS.md`` are now part of the app (p6, a search counts to 1,000: the
lead's decision, ``core.views.SearchPaginator``); none remains. A new proposal goes in ``ALL``
and in ``apply``.
"""
ALL = ()


def apply(selected):
    """Apply the selected proposals; returns the proposals applied."""
    unknown = set(selected) - set(ALL)
    if unknown:
        raise SystemExit(f"Unknown proposal(s): {', '.join(sorted(unknown))}; known: {ALL}")
    return selected
