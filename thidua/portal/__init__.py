"""Public portals: one site per organisation with news, exemplars, the honour roll, documents,
Q&A, comments and visitor statistics."""
