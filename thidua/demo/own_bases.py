"""The demo alliances' own charter and emulation regulation, entered as their system administrator
would (``legal.services.save_own_basis``), so the decisions they issue cite them by name after the
law, the decree and the circular. The numbers and dates are the demo's own, not real documents."""
from datetime import date

from thidua.legal.models import OwnBasis, OwnBasisKind
from thidua.legal.services import save_own_basis
from thidua.organizations.models import Organization

# (unit code, charter wording, regulation wording with the year it was issued left open)
BASES = (
    ("VCA", "Điều lệ Liên minh Hợp tác xã Việt Nam",
     "Quy chế Thi đua, khen thưởng của Liên minh Hợp tác xã Việt Nam ban hành kèm theo "
     "Quyết định số 25/QĐ-LMHTXVN ngày 15/01/{year}"),
    ("P46", "Điều lệ Liên minh Hợp tác xã thành phố Huế",
     "Quy chế Thi đua, khen thưởng của Liên minh Hợp tác xã thành phố Huế ban hành kèm theo "
     "Quyết định số 12/QĐ-LMHTX ngày 10/01/{year}"),
)


def load(actor, today):
    """Enter each alliance's two bases once; a regulation issued at the start of the year before
    ``today``'s, so every demo decision (played over the last weeks) falls within it."""
    issued = date(today.year - 1, 1, 10)
    for code, charter, regulation in BASES:
        unit = Organization.objects.get(code=code)
        if OwnBasis.objects.filter(organization=unit).exists():
            continue
        save_own_basis(actor, OwnBasis(organization=unit, kind=OwnBasisKind.CHARTER,
                                       wording=charter))
        save_own_basis(actor, OwnBasis(organization=unit, kind=OwnBasisKind.REGULATION,
                                       wording=regulation.format(year=issued.year),
                                       valid_from=issued))
