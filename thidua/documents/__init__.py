"""Official documents: decisions, proposals, minutes, certificates and their public verification."""
