"""Who may read reports about a unit: anyone with a role there (or above it) except the portal
editors and moderators, whose work is the public site. Who keeps the E&C departments and staff
behind Biểu 0604–0605: the unit's E&C officers and administrators, as for its network data."""
import rules

from thidua.organizations.rules import holds_role_at_organization, is_active_superuser
from thidua.organizations.scoping import NETWORK_EDITORS, PEOPLE_READERS

rules.add_perm("reports.view_reports",
               is_active_superuser | holds_role_at_organization(PEOPLE_READERS, "report_reader"))
rules.add_perm("reports.manage_ec_staff",
               is_active_superuser | holds_role_at_organization(NETWORK_EDITORS, "ec_staff_keeper"))
