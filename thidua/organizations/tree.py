"""Ancestry from a materialised path: the one place that knows how a unit's path is built.

treebeard gives every unit a path made of its ancestors' paths plus one ``STEPLEN``-character
step, so the root is ``0001``, a province ``00010007`` and so on. Code that has a unit calls
``Organization.ancestor_paths()`` / ``ancestors()``; code that only holds a path (a role
assignment, a summary anchor) calls these functions. Nothing else slices a path. Pure: no
model is imported, so the scoping helpers, the models and migrations can all use it.
"""
STEPLEN = 4  # Organization.steplen is set from this


def depth(path):
    """The level of the unit at ``path``: 1 for a root."""
    return len(path) // STEPLEN


def ancestor_paths(path, include_self=True):
    """The paths of every unit above the unit at ``path``, root first, and its own unless told
    otherwise."""
    end = len(path) + 1 if include_self else len(path)
    return [path[:stop] for stop in range(STEPLEN, end, STEPLEN)]


def ancestor_path(path, level):
    """The path of the unit's ancestor at ``level``; its own path when it is at or above it."""
    return path[:level * STEPLEN]


def is_root(path):
    return len(path) == STEPLEN


def is_within(path, top):
    """Whether the unit at ``path`` is the unit at ``top`` or below it."""
    return path.startswith(top)
