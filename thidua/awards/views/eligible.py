"""“Đủ điều kiện năm nay”: the people of a unit's subtree whom the stored verdicts find eligible,
or one condition short, for a year open for proposals — read from the store
(``awards.verdicts``), so a province of a hundred thousand people answers at once. The
wording of each verdict is on the person's record page, which judges the person live."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from thidua.core.views import CappedPaginator

from .. import verdicts
from ..eligibility import TYPES
from .qualification import records_unit


class EligibleListView(LoginRequiredMixin, View):
    template_name = "awards/eligible_list.html"

    def get(self, request, pk):
        unit = records_unit(request, pk)
        years = verdicts.proposal_years(timezone.localdate())
        asked = request.GET.get("year", "")
        year = int(asked) if asked in {str(y) for y in years} else years[-1]
        page = CappedPaginator(verdicts.stored_in(request.user, unit, year), 50).get_page(
            request.GET.get("page"))
        rows = [(row, [TYPES[code].label for code in row.eligible_codes],
                 [TYPES[code].label for code in row.almost_codes]) for row in page]
        return render(request, self.template_name, {
            "unit": unit, "year": year, "years": years, "page_obj": page, "rows": rows,
            "checked": verdicts.last_pass(year), "querystring": f"year={year}"})
