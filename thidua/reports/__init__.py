"""Dashboards, statutory statistical forms, ad-hoc reports and the annual summary report draft."""
