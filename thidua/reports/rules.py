"""Who may read reports about a unit: anyone with a role there (or above it) except the portal
editors and moderators, whose work is the public site."""
import rules

from thidua.organizations.rules import holds_role_at_organization, is_active_superuser
from thidua.organizations.scoping import PEOPLE_READERS

rules.add_perm("reports.view_reports",
               is_active_superuser | holds_role_at_organization(PEOPLE_READERS, "report_reader"))
