"""Ad-hoc reports: up to two dimensions and a measure over the award registry (read from the
award facts), nomination items or movements, always within the viewer's scope."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.awards.models import AuthorityLevel, AwardCategory, AwardType
from thidua.movements.models import Movement, MovementKind, MovementStatus
from thidua.nominations.models import Nomination
from thidua.nominations.states import Basis, ItemOutcome, State, SubjectKind, Verdict
from thidua.organizations.ethnicities import ETHNICITY_CHOICES
from thidua.organizations.geography import province_name
from thidua.organizations.models import Gender, OrganizationKind

from .models import PersonCategory, ReportSource, Subject


@dataclass(frozen=True)
class Dimension:
    label: str
    lookup: str
    labels: object  # callable returning {value: label}


def _choices(choices):
    return lambda: dict(choices)


def _award_types():
    return dict(AwardType.objects.values_list("pk", "name"))


def _as_is():
    """For dimensions whose values are their own labels (years)."""
    return {}


DIMENSION_LABELS = {
    "year": gettext_lazy("Năm"), "award_type": gettext_lazy("Danh hiệu, hình thức"),
    "level": gettext_lazy("Cấp khen"), "category": gettext_lazy("Loại (danh hiệu / hình thức)"),
    "subject": gettext_lazy("Đối tượng"), "person_category": gettext_lazy("Phân loại cá nhân"),
    "gender": gettext_lazy("Giới tính"), "ethnicity": gettext_lazy("Dân tộc"),
    "province": gettext_lazy("Tỉnh, thành phố"), "basis": gettext_lazy("Loại hình khen thưởng"),
    "state": gettext_lazy("Trạng thái tờ trình"), "verdict": gettext_lazy("Kết quả thẩm định"),
    "outcome": gettext_lazy("Kết quả"), "kind": gettext_lazy("Loại phong trào"),
    "status": gettext_lazy("Trạng thái phong trào"),
    "launcher_kind": gettext_lazy("Loại hình cấp phát động"),
}
MEASURE_LABELS = {"count": gettext_lazy("Số lượng"), "money": gettext_lazy("Tổng tiền thưởng (đồng)")}


def _provinces():
    return {None: _("Các đơn vị của Liên minh")} | {
        code: province_name(code) for code in range(1, 100) if province_name(code)}


@dataclass(frozen=True)
class Source:
    dimensions: dict  # key → Dimension
    measures: tuple


SOURCES = {
    ReportSource.AWARDS: Source({
        "year": Dimension("year", "year", _as_is),
        "award_type": Dimension("award_type", "award_type", _award_types),
        "level": Dimension("level", "award_type__authority_level", _choices(AuthorityLevel.choices)),
        "category": Dimension("category", "award_type__category", _choices(AwardCategory.choices)),
        "subject": Dimension("subject", "subject", _choices(Subject.choices)),
        "person_category": Dimension("person_category", "person_category",
                                     _choices(PersonCategory.choices)),
        "gender": Dimension("gender", "gender", _choices(Gender.choices)),
        "ethnicity": Dimension("ethnicity", "ethnicity", _choices(ETHNICITY_CHOICES)),
        "province": Dimension("province", "province_code", _provinces),
        "basis": Dimension("basis", "basis", _choices(Basis.choices)),
    }, ("count", "money")),
    ReportSource.NOMINATIONS: Source({
        "year": Dimension("year", "batch__year", _as_is),
        "award_type": Dimension("award_type", "award_type", _award_types),
        "subject": Dimension("subject", "subject_kind", _choices(SubjectKind.choices)),
        "state": Dimension("state", "batch__state", _choices(State.choices)),
        "verdict": Dimension("verdict", "verdict", _choices(Verdict.choices)),
        "outcome": Dimension("outcome", "outcome", _choices(ItemOutcome.choices)),
        "basis": Dimension("basis", "batch__basis", _choices(Basis.choices)),
    }, ("count",)),
    ReportSource.MOVEMENTS: Source({
        "year": Dimension("year", "start_year", _as_is),
        "kind": Dimension("kind", "kind", _choices(MovementKind.choices)),
        "status": Dimension("status", "status", _choices(MovementStatus.choices)),
        "launcher_kind": Dimension("launcher_kind", "launched_by__kind",
                                   _choices(OrganizationKind.choices)),
    }, ("count",)),
}


def all_dimension_choices():
    return list(DIMENSION_LABELS.items())


def all_measure_choices():
    return list(MEASURE_LABELS.items())


def award_type_choices():
    return list(AwardType.objects.values_list("pk", "name"))


def _grouped(source, scope, definition, lookups):
    """[(values of ``lookups``…, measure)] for the definition within ``scope``."""
    start, end = definition["year_from"], definition["year_to"]
    award_type = definition.get("award_type")
    if source == ReportSource.AWARDS:
        filters = {"award_type": award_type} if award_type else {}
        key = "money" if definition["measure"] == "money" else "n"
        rows = scope.facts(range(start, end + 1)).group(lookups, **filters)
        return [(*(row[name] for name in lookups), row[key]) for row in rows]
    if source == ReportSource.NOMINATIONS:
        queryset = Nomination.objects.filter(
            scope.units_q("batch__proposer__") | scope.units_q("batch__authority__"),
            batch__year__range=(start, end))
        if award_type:
            queryset = queryset.filter(award_type=award_type)
    else:
        queryset = (Movement.objects.in_scope(scope.units_q("launched_by__"))
                    .filter(start_date__lte=date(end, 12, 31), end_date__gte=date(start, 1, 1))
                    .annotate(start_year=ExtractYear("start_date")))
    rows = queryset.order_by().values(*lookups).annotate(n=Count("pk", distinct=True))
    return [(*(row[name] for name in lookups), row["n"]) for row in rows]


@dataclass
class Result:
    title_rows: str
    title_columns: str
    column_labels: list
    rows: list  # (label, [values], total)
    totals: list
    grand_total: int

    @property
    def headers(self):
        return [self.title_rows, *self.column_labels, _("Tổng")]

    def table_rows(self):
        return [[label, *values, total] for label, values, total in self.rows] + [
            [_("Tổng"), *self.totals, self.grand_total]]


def run(source, scope, definition):
    """Counts the definition within ``scope`` into a pivot table."""
    dims = SOURCES[source].dimensions
    row_dim = dims[definition["rows"]]
    col_dim = dims.get(definition.get("columns") or "")
    lookups = [row_dim.lookup] + ([col_dim.lookup] if col_dim else [])
    cells = defaultdict(int)
    for *keys, value in _grouped(source, scope, definition, lookups):
        cells[(keys[0], keys[1] if col_dim else None)] += value or 0
    row_labels, col_labels = row_dim.labels(), col_dim.labels() if col_dim else {}
    row_keys = sorted({k[0] for k in cells}, key=_order)
    col_keys = sorted({k[1] for k in cells}, key=_order)

    def label(labels, key):
        return str(labels.get(key, key if key not in (None, "") else "—"))

    rows = []
    for row_key in row_keys:
        values = [cells.get((row_key, col_key), 0) for col_key in col_keys]
        rows.append((label(row_labels, row_key), values, sum(values)))
    totals = [sum(cells.get((r, c), 0) for r in row_keys) for c in col_keys]
    return Result(str(DIMENSION_LABELS[row_dim.label]),
                  str(DIMENSION_LABELS[col_dim.label]) if col_dim else "",
                  [label(col_labels, key) if col_dim else str(MEASURE_LABELS[definition["measure"]])
                   for key in col_keys], rows, totals, sum(totals))


def _order(key):
    return (key is None, str(type(key)), key if key is not None else 0)
