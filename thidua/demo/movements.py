"""Demo movements written anew from the seed facts: the VCA's 2013 drive toward the sector's 20th
anniversary (mid-term review in July 2013), the movements of the Huế alliance's 2020 plan, and this
year's regular movement cascaded to Huế with registrations and quarterly reports (some late, some
missing). Idempotent: movements are found again by (launching unit, title)."""
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db import transaction

from thidua.movements import services
from thidua.movements.compliance import default_due_date
from thidua.movements.models import (Movement, MovementStatus, ProgressReport, Registration,
                                     RegistrationStatus, ReportSchedule, Review)
from thidua.organizations.models import Organization
from thidua.organizations.scoping import current_employment_q

from .commendations import award_type_on

HCM = ZoneInfo("Asia/Ho_Chi_Minh")

ANNIVERSARY_2013 = {
    "kind": "ANNIVERSARY",
    "title": "Thi đua chào mừng 20 năm Ngày truyền thống khu vực kinh tế tập thể (13/10/1993 – 13/10/2013)",
    "slogan": "Đoàn kết, sáng tạo, đổi mới vì thành viên hợp tác xã",
    "goals": "Mỗi hợp tác xã, quỹ tín dụng nhân dân, liên hiệp hợp tác xã đặt mục tiêu cụ thể: "
             "tăng vốn góp, kết nạp thêm thành viên, nâng thu nhập người lao động; gắn thi đua với "
             "nhiệm vụ kinh tế – xã hội của địa phương.",
    "start_date": date(2013, 2, 1), "end_date": date(2013, 10, 13),
    "registration_deadline": date(2013, 3, 31), "midterm_review_date": date(2013, 7, 18),
    "final_review_date": date(2013, 10, 13),
}
HUE_2020 = [
    ("REGULAR", "Đổi mới, phát triển và nâng cao hiệu quả hoạt động của các HTX, Liên hiệp HTX"),
    ("THEMATIC", "HTX tiên phong trong xóa đói giảm nghèo và xây dựng nông thôn mới"),
    ("THEMATIC", "Xây dựng mô hình HTX kiểu mới gắn với chuỗi giá trị có sự lan tỏa"),
    ("THEMATIC", "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau"),
    ("SHORT_TERM", "Ngày Chủ nhật xanh"),
    ("THEMATIC", "Nói không với túi ni lông và sản phẩm nhựa sử dụng một lần"),
    ("REGULAR", "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"),
]


def _movement(actor, unit, fields, status=MovementStatus.LAUNCHED, parent=None):
    movement = Movement.objects.filter(launched_by=unit, title=fields["title"]).first()
    if movement:
        return movement, False
    movement = services.save_movement(actor, Movement(launched_by=unit, parent=parent, **fields))
    if status != MovementStatus.DRAFT:
        Movement.objects.filter(pk=movement.pk).update(
            status=status, launched_at=datetime.combine(movement.start_date, time(8), HCM))
        movement.refresh_from_db()
    return movement, True


def _review(actor, movement, unit, kind, held_on, summary, **figures):
    if not Review.objects.filter(movement=movement, organization=unit, kind=kind).exists():
        services.save_review(actor, Review(movement=movement, organization=unit, kind=kind,
                                           held_on=held_on, summary=summary, **figures))


def _anniversary(actor, vca):
    movement, created = _movement(actor, vca, ANNIVERSARY_2013, MovementStatus.CLOSED)
    if created:
        movement.criteria.create(name="Tăng vốn góp và thành viên", max_points=30, order=1)
        movement.criteria.create(name="Hiệu quả sản xuất, kinh doanh, thu nhập người lao động",
                                 max_points=40, order=2)
        movement.criteria.create(name="Đoàn kết, tham gia công tác xã hội", max_points=30, order=3)
    _review(actor, movement, vca, "MIDTERM", date(2013, 7, 18),
            "Sơ kết tại Hội nghị Ban Chấp hành tháng 7/2013: phong trào được các cấp hưởng ứng, "
            "một số nơi còn hình thức, cần mục tiêu cụ thể hơn và khen thưởng kịp thời.",
            participants=1250, exemplars_found=46, initiatives=18, new_cooperatives=9)
    _review(actor, movement, vca, "FINAL", date(2013, 10, 13),
            "Tổng kết và khen thưởng tại lễ kỷ niệm 20 năm; nhân rộng các điển hình tiêu biểu.",
            participants=2980, exemplars_found=112, initiatives=41, new_cooperatives=23)
    return movement


def _hue_plan(actor, hue):
    for kind, title in HUE_2020:
        _movement(actor, hue, {
            "kind": kind, "title": title,
            "goals": "Triển khai theo Kế hoạch công tác thi đua, khen thưởng năm 2020 và giai đoạn "
                     "2020–2025 của Liên minh HTX tỉnh; gắn với nhiệm vụ của từng đơn vị.",
            "start_date": date(2020, 4, 21), "end_date": date(2025, 12, 31),
            "midterm_review_date": date(2022, 12, 15), "final_review_date": date(2025, 12, 15)})


def _this_year(actor, vca, hue, today):
    year = today.year
    movement, _ = _movement(actor, vca, {
        "kind": "REGULAR", "title": f"Phong trào thi đua yêu nước năm {year} của hệ thống Liên minh HTX",
        "slogan": "Đổi mới, sáng tạo, hợp tác, phát triển",
        "goals": "Phát triển hợp tác xã kiểu mới gắn chuỗi giá trị; chuyển đổi số; thực hành tiết "
                 "kiệm; góp ý triển khai Luật Hợp tác xã.",
        "start_date": date(year, 1, 15), "end_date": date(year, 12, 31),
        "registration_deadline": date(year, 12, 20), "midterm_review_date": date(year, 7, 10),
        "final_review_date": date(year, 12, 25)})
    derived, _ = _movement(actor, hue, {
        "kind": movement.kind, "title": movement.title, "goals": movement.goals,
        "start_date": movement.start_date, "end_date": movement.end_date,
        "registration_deadline": movement.registration_deadline,
        "midterm_review_date": movement.midterm_review_date,
        "final_review_date": movement.final_review_date}, parent=movement)
    return derived


def _registrations(actor, movement, hue):
    if movement.registration_window() != "OPEN":
        return  # early in January the year's registration has not opened yet
    ldtt = award_type_on("LDTT", movement.start_date)
    titles = [award_type_on("TTLDTT", movement.start_date)]
    cooperatives = list(Organization.objects.children_of(hue).filter(kind="COOPERATIVE")
                        .order_by("code")[:8])
    for index, unit in enumerate(cooperatives):
        if Registration.objects.filter(movement=movement, unit=unit).exists() or index >= 6:
            continue
        people = [e.person for e in unit.employments.filter(current_employment_q())
                  .select_related("person")[:4]]
        registration = Registration(movement=movement, unit=unit, year=movement.start_date.year,
                                    targets="Tăng 10% doanh thu; kết nạp thêm thành viên.")
        services.save_registration(actor, registration, titles, [(p, ldtt) for p in people])
        status = RegistrationStatus.APPROVED if index < 4 else RegistrationStatus.SUBMITTED
        Registration.objects.filter(pk=registration.pk).update(
            status=status, submitted_at=datetime.combine(date(movement.start_date.year, 2, 10),
                                                          time(9), HCM))


def _reports(actor, movement, hue, today):
    cooperatives = list(Organization.objects.children_of(hue).filter(status="ACTIVE")
                        .order_by("code"))
    for period, end in (("Q1", date(today.year, 3, 31)), ("Q2", date(today.year, 6, 30)),
                        ("Q3", date(today.year, 9, 30))):
        if end >= today:
            continue
        schedule = ReportSchedule.objects.filter(owner=hue, movement=movement, year=today.year,
                                                 period=period).first()
        if schedule is None:
            schedule = services.save_schedule(actor, ReportSchedule(
                owner=hue, movement=movement, year=today.year, period=period,
                due_date=default_due_date(today.year, period)))
        for index, unit in enumerate(cooperatives):
            if index % 5 == 4 or ProgressReport.objects.filter(schedule=schedule, unit=unit).exists():
                continue  # every fifth cooperative has not reported
            late = index % 3 == 2
            day = schedule.due_date.toordinal() + (4 if late else -2)
            report = services.submit_report(actor, ProgressReport(
                schedule=schedule, unit=unit, text=f"Báo cáo {schedule} của {unit.short_name or unit.name}.",
                participants=20 + 3 * index, exemplars_found=index % 3, initiatives=index % 2,
                new_cooperatives=1 if index == 0 else 0))
            ProgressReport.objects.filter(pk=report.pk).update(
                submitted_at=datetime.combine(date.fromordinal(day), time(10), HCM))


@transaction.atomic
def load(actor, today):
    vca = Organization.objects.get(code="VCA")
    hue = Organization.objects.get(code="P46")
    _anniversary(actor, vca)
    _hue_plan(actor, hue)
    derived = _this_year(actor, vca, hue, today)
    _registrations(actor, derived, hue)
    _reports(actor, derived, hue, today)
