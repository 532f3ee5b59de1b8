"""Proposed application changes, applied to the benchmark process only, so that
``bench/org_scale.py --proposed p6`` measures their effect without touching the app.

p1–p5 of ``bench/RESULTS.md`` are now part of the app. What remains:

p6  A search counts to 1,000 instead of 10,000 ("more than 1,000 results, narrow the search"),
    so at most 1,001 hits are read. A product decision rather than a technical one.
"""
ALL = ("p6",)


def apply(selected):
    """Apply the selected proposals; returns the proposals applied."""
    from thidua.core import views

    unknown = set(selected) - set(ALL)
    if unknown:
        raise SystemExit(f"Unknown proposal(s): {', '.join(sorted(unknown))}; known: {ALL}")
    if "p6" in selected:
        views.SearchPaginator.cap = 1_000
    return selected
