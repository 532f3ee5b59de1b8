"""The dashboard's panels for one scope and year; a panel without data is left out."""
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from thidua.awards.models import AuthorityLevel, AwardType
from thidua.movements import compliance
from thidua.movements.models import (Movement, MovementKind, MovementStatus, Registration,
                                     RegistrationStatus)
from thidua.nominations.models import NominationBatch, Transition
from thidua.nominations.states import State
from thidua.organizations.ethnicities import ETHNICITY_CHOICES
from thidua.organizations.geography import province_name
from thidua.organizations.models import (Employment, EmploymentCategory, Gender, Membership,
                                         Organization, OrganizationKind)
from thidua.organizations.scoping import current_employment_q
from thidua.records.models import CooperationProgramme, Exemplar, ExemplarStage
from thidua.records.programme_progress import programme_progress

from .charts import Chart, from_counts
from .facts import ECONOMIC_KINDS, UNATTACHED, summarised
from .models import PersonCategory, Subject

YEARS_SHOWN = 5
ACTIVITY_CACHE_SECONDS = 300  # how stale the activity panels of a large scope may be
TOP_ETHNICITIES = 8


def award_type_names():
    """Each award type's name in the interface's language."""
    return {award_type.pk: award_type.label for award_type in AwardType.objects.all()}


def _counts(rows, key):
    counts = Counter()
    for row in rows:
        counts[row[key]] += row["n"]
    return counts


def movement_chart(scope, year):
    movements = Movement.objects.in_scope(scope.units_q("launched_by__")).filter(
        status__in=[MovementStatus.LAUNCHED, MovementStatus.CLOSED],
        start_date__year__lte=year, end_date__year__gte=year)
    counts = dict(movements.order_by().values_list("kind").annotate(n=Count("pk")))
    return from_counts("movements", _("Phong trào thi đua trong năm theo loại"), "bar",
                       _("Loại phong trào"), _("Số phong trào"), counts, dict(MovementKind.choices))


def registration_chart(scope, year):
    registrations = Registration.objects.in_scope(scope.units_q("unit__")).filter(year=year)
    counts = dict(registrations.order_by().values_list("status").annotate(n=Count("pk")))
    return from_counts("registrations", _("Đăng ký thi đua theo trạng thái"), "doughnut",
                       _("Trạng thái"), _("Số đăng ký"), counts, dict(RegistrationStatus.choices))


def report_chart(scope, year):
    """Standing of the periodic reports the scope's own unit receives this year."""
    labels = {compliance.ON_TIME: _("Đúng hạn"), compliance.LATE: _("Nộp muộn"),
              compliance.MISSING: _("Chưa nộp (quá hạn)"), compliance.NOT_DUE: _("Chưa đến hạn")}
    schedules = scope.organization.report_schedules.filter(year=year).select_related(
        "owner", "movement")
    rows = []
    for schedule in schedules:
        counts = Counter(row.status for row in compliance.standings(schedule))
        rows.append((str(schedule), [counts[status] for status in labels]))
    return Chart("reports", _("Báo cáo định kỳ: đúng hạn, muộn, chưa nộp"), "bar",
                 _("Kỳ báo cáo"), list(labels.values()), rows)


def nomination_batches(scope, year):
    """The year's batches proposed or received in the scope. A small scope's unit ids are read
    first, so the proposer and authority indexes answer: an OR across the two joined units'
    paths scans every batch of the year (measured ~100 ms for a cooperative among 100,000).
    The nation's scope is every batch of the year, unfiltered."""
    if scope.subtree and scope.organization.depth == 1:
        return NominationBatch.objects.in_scope(scope.units_q("proposer__")).filter(year=year)
    if summarised(scope.organization.path, scope.subtree):
        return NominationBatch.objects.in_scope(
            scope.units_q("proposer__") | scope.units_q("authority__")).filter(year=year)
    units = list(Organization.objects.filter(scope.units_q()).values_list("pk", flat=True))
    return NominationBatch.objects.in_scope(Q(proposer__in=units) | Q(authority__in=units)) \
        .filter(year=year)


def nomination_chart(scope, year):
    counts = dict(nomination_batches(scope, year).order_by().values_list("state")
                  .annotate(n=Count("pk")))
    return from_counts("nominations", _("Tờ trình đề nghị khen thưởng theo trạng thái"), "bar",
                       _("Trạng thái"), _("Số tờ trình"), counts, dict(State.choices))


def step_days_chart(scope, year):
    """Average working days each step took (time from the batch's previous transition), and how
    many transitions came after the batch's processing deadline, per state reached: one grouped
    aggregate over the step facts each Transition stores when written (nominations.steps)."""
    steps = (Transition.objects.filter(batch__in=nomination_batches(scope, year).values("pk"),
                                       working_days__isnull=False)
             .order_by().values("to_state")
             .annotate(n=Count("pk"), days=Sum("working_days"),
                       late=Count("pk", filter=Q(late=True))))
    labels = dict(State.choices)
    order = list(labels)
    rows = [(labels.get(row["to_state"], row["to_state"]),
             [round(row["days"] / row["n"], 1), row["late"]])
            for row in sorted(steps, key=lambda row: order.index(row["to_state"]))]
    return Chart("steps", _("Số ngày làm việc trung bình mỗi bước xử lý hồ sơ"), "bar",
                 _("Bước (chuyển sang)"), [_("Ngày làm việc trung bình"), _("Số lượt quá hạn")],
                 rows, counts=False)


def award_charts(scope, year):
    """The award panels, all read from the scope's award facts in a handful of grouped queries."""
    years = range(year - YEARS_SHOWN + 1, year + 1)
    facts = scope.facts(years)
    by_year = dict(_counts(facts.group(["year"]), "year"))
    this_year = facts.group(["award_type", "subject", "person_category", "gender"], year=year)
    names = award_type_names()
    charts = [
        Chart("awards_by_year", _("Khen thưởng qua các năm"), "line", _("Năm"), [_("Số khen thưởng")],
              [(str(y), [by_year.get(y, 0)]) for y in years]),
        from_counts("awards_by_type", _("Khen thưởng trong năm theo danh hiệu, hình thức"), "bar",
                    _("Danh hiệu, hình thức"), _("Số khen thưởng"), _counts(this_year, "award_type"),
                    names),
        from_counts("awards_by_level", _("Khen thưởng trong năm theo cấp khen"), "doughnut",
                    _("Cấp khen"), _("Số khen thưởng"),
                    _counts(facts.group(["award_type__authority_level"], year=year),
                            "award_type__authority_level"), dict(AuthorityLevel.choices)),
    ]
    individuals = [row for row in this_year if row["subject"] == Subject.INDIVIDUAL]
    direct = sum(row["n"] for row in individuals if row["person_category"] == PersonCategory.DIRECT)
    managers = sum(row["n"] for row in individuals) - direct
    collectives = sum(row["n"] for row in this_year if row["subject"] != Subject.INDIVIDUAL)
    share = Chart("awards_direct", _("Tỷ lệ khen thưởng người trực tiếp lao động, thành viên so với "
                                     "cán bộ quản lý"), "doughnut", _("Đối tượng"),
                  [_("Số khen thưởng")], [
                      (_("Người trực tiếp lao động, thành viên"), [direct]),
                      (_("Cán bộ quản lý, lãnh đạo"), [managers]),
                      (_("Tập thể, hộ gia đình"), [collectives])])
    if direct + managers:
        share.note = _("Người trực tiếp lao động, thành viên chiếm %(percent)s%% khen thưởng cá nhân.") % {
            "percent": round(100 * direct / (direct + managers))}
    charts.append(share)
    charts.append(from_counts("awards_gender", _("Khen thưởng cá nhân theo giới tính"), "doughnut",
                              _("Giới tính"), _("Số khen thưởng"),
                              _counts(individuals, "gender"), dict(Gender.choices)))
    charts.append(ethnicity_chart(facts, year))
    if scope.subtree and scope.organization.depth == 1:
        charts.append(province_chart(facts, year))
    return charts


def province_chart(facts, year):
    """The nation's awards per province; the VCA's own units on one line, and the awards counted
    under no unit (a person with no employment, proposed by no unit) on another."""
    counts = Counter()
    for row in facts.group(["province_code", "anchor_path"], year=year):
        counts[UNATTACHED if row["anchor_path"] == UNATTACHED else row["province_code"]] += row["n"]
    labels = {code: province_name(code) or _("Các đơn vị của Liên minh") for code in counts}
    labels[UNATTACHED] = _("Chưa gắn đơn vị")
    return from_counts("awards_province", _("Khen thưởng trong năm theo tỉnh, thành phố"), "bar",
                       _("Tỉnh, thành phố"), _("Số khen thưởng"), counts, labels)


def ethnicity_chart(facts, year):
    counts = _counts(facts.group(["ethnicity"], year=year, subject=Subject.INDIVIDUAL), "ethnicity")
    names = dict(ETHNICITY_CHOICES)
    top = dict(counts.most_common(TOP_ETHNICITIES))
    rest = sum(counts.values()) - sum(top.values())
    chart = from_counts("awards_ethnicity", _("Khen thưởng cá nhân theo dân tộc"), "bar",
                        _("Dân tộc"), _("Số khen thưởng"), top, names)
    if rest:
        chart.rows.append((_("Các dân tộc khác"), [rest]))
    return chart


def exemplar_chart(scope, year):
    """Exemplars of the year against the yearly targets of the scope unit's cooperation
    programmes (computed by the movements app)."""
    exemplars = Exemplar.objects.in_scope(scope.units_q("unit__")).filter(found_on__year=year)
    stages = dict(exemplars.order_by().values_list("stage").annotate(n=Count("pk")))
    rows = [(label, [stages.get(stage, 0), None]) for stage, label in ExemplarStage.choices]
    programmes = CooperationProgramme.objects.in_scope(Q(owner=scope.organization))
    for programme in programmes.filter(start_year__lte=year, end_year__gte=year):
        for progress in programme_progress(programme):
            if progress.year != year:
                continue
            for target in progress.rows:
                label = target.target.label or target.target.get_indicator_display()
                rows.append((label, [target.actual, target.target.minimum]))
    return Chart("exemplars", _("Điển hình tiên tiến và chỉ tiêu chương trình phối hợp"), "bar",
                 _("Nội dung"), [_("Thực hiện"), _("Chỉ tiêu tối thiểu")], rows)


def member_chart(scope, year):
    """The members of the scope's cooperatives, unions, groups and credit funds on the last day
    of ``year`` (today for the year under way), by kind of unit and kind of member (Luật Hợp tác
    xã 2023: official; associate contributing capital or not)."""
    day = min(timezone.localdate(), date(year, 12, 31))
    members = Employment.objects.in_scope(scope.units_q("organization__")).filter(
        current_employment_q(day=day), Q(start_date__isnull=True) | Q(start_date__lte=day),
        category=EmploymentCategory.MEMBER, organization__kind__in=ECONOMIC_KINDS)
    counts = {(kind, membership or Membership.OFFICIAL): n for kind, membership, n in members
              .order_by().values_list("organization__kind", "membership").annotate(n=Count("pk"))}
    kinds = dict(OrganizationKind.choices)
    rows = [(kinds[kind], [counts.get((kind, membership), 0) for membership in Membership.values])
            for kind in ECONOMIC_KINDS]
    return Chart("members", _("Thành viên theo loại (Luật Hợp tác xã 2023)"), "bar",
                 _("Loại đơn vị"), [str(label) for label in Membership.labels],
                 [row for row in rows if any(row[1])])


def activity_charts(scope, year):
    """(when counted or None, charts before the award panels, charts after them) for the live
    registries: movements, registrations, periodic reports, nominations, exemplars, members.

    A national or provincial scope's activity spans the whole subtree (a hundred thousand
    nomination batches a year nationally, their 400,000 transitions read by the step panel:
    ~0.2 s on a loaded 2-core bench), so it is kept in the cache for ``ACTIVITY_CACHE_SECONDS``
    and the page says when it was counted; a smaller scope is counted on every view."""
    def count():
        return ([movement_chart(scope, year), registration_chart(scope, year),
                 report_chart(scope, year), nomination_chart(scope, year),
                 step_days_chart(scope, year)],
                [exemplar_chart(scope, year), member_chart(scope, year)])

    if not summarised(scope.organization.path, scope.subtree):
        return None, *count()
    key = f"reports:activity:{scope.organization.pk}:{year}:{get_language()}"
    return cache.get_or_set(key, lambda: (timezone.now(), *count()), ACTIVITY_CACHE_SECONDS)


@dataclass
class Page:
    charts: list  # every panel with data, in reading order
    activity_at: datetime | None  # when the cached activity panels were counted (None: now)


def page(scope, year):
    activity_at, before, after = activity_charts(scope, year)
    charts = [*before, *award_charts(scope, year), *after]
    return Page([chart for chart in charts if chart.has_data], activity_at)


def panels(scope, year):
    return page(scope, year).charts
