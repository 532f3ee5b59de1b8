"""Demo movements: from the seed facts, the VCA's 2013 drive toward the sector's 20th anniversary
(mid-term review in July 2013) and the movements of the Huế alliance's 2020 plan, at their real
dates; live, relative to the day the demo is loaded, the regular movement of last year and of this
year cascaded to Huế, a 90-day drive whose registration is open, registrations and quarterly report
rounds (some reports late, some missing) and this year's score sheet of a Huế bloc, all written
through the services on their own days (see clock.py). Idempotent: movements are found again by
(launching unit, title), the sheet by its bloc."""
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from thidua.movements import services
from thidua.movements.compliance import default_due_date, period_end
from thidua.movements.models import (Movement, MovementStatus, ProgressReport, Registration,
                                     ReportSchedule, Review)
from thidua.movements.models.movement import Window
from thidua.organizations.models import EmulationGroup, Organization
from thidua.organizations.scoping import current_employment_q
from thidua.records import services as rs
from thidua.records.models import ScoreSheet, TieBreak

from . import data
from .clock import Clock, on_day
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
CRITERIA = [("Hoàn thành chỉ tiêu sản xuất, kinh doanh", 40),
            ("Phát triển thành viên, vốn góp và thu nhập người lao động", 30),
            ("Chuyển đổi số, sáng kiến và nhân rộng điển hình", 30)]
DRIVE = "Đợt thi đua cao điểm 90 ngày"
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


def _launched(actor, unit, fields, day, parent=None):
    """A movement launched by ``unit`` on ``day`` through the services (a derived copy when
    ``parent`` is given), found again by its title."""
    movement = Movement.objects.filter(launched_by=unit, title=fields["title"]).first()
    if movement:
        return movement
    with on_day(day, 8):
        if parent is None:
            movement = services.save_movement(actor, Movement(launched_by=unit, **fields))
            for order, (name, points) in enumerate(CRITERIA, start=1):
                movement.criteria.create(name=name, max_points=points, order=order)
        else:
            movement = services.derive_movement(actor, parent, unit)
        return services.launch_movement(actor, movement)


def yearly_movement(actor, vca, hue, year):
    """The system's regular movement of ``year``, launched on 26/12 of the year before with
    registration until 31/3, and Huế's copy of it launched three days later."""
    movement = _launched(actor, vca, {
        "kind": "REGULAR", "title": f"Phong trào thi đua yêu nước năm {year} của hệ thống Liên minh HTX",
        "slogan": "Đổi mới, sáng tạo, hợp tác, phát triển",
        "goals": "Phát triển hợp tác xã kiểu mới gắn chuỗi giá trị; chuyển đổi số; thực hành tiết "
                 "kiệm; góp ý triển khai Luật Hợp tác xã.",
        "start_date": date(year, 1, 1), "end_date": date(year, 12, 31),
        "registration_deadline": date(year, 3, 31), "midterm_review_date": date(year, 7, 10),
        "final_review_date": date(year, 12, 25)}, date(year - 1, 12, 26))
    return _launched(actor, hue, {"title": movement.title}, date(year - 1, 12, 29), movement)


def _drive(actor, hue, clock):
    """A 90-day drive of the Huế alliance launched seven working days ago whose registration is
    open for two more weeks; an earlier drive whose registration is still open is kept."""
    open_now = [m for m in Movement.objects.filter(launched_by=hue, title__startswith=DRIVE)
                if m.registration_window(clock.today) == Window.OPEN]
    if open_now:
        return open_now[0]
    start = clock.day(7)
    return _launched(actor, hue, {
        "kind": "SHORT_TERM", "title": f"{DRIVE} từ ngày {start:%d/%m/%Y}",
        "slogan": "Về đích sớm, hoàn thành vượt mức kế hoạch năm",
        "goals": "Mỗi hợp tác xã chọn ba chỉ tiêu sản xuất, kinh doanh để hoàn thành vượt mức "
                 "trong 90 ngày; mỗi thành viên một việc làm cụ thể.",
        "start_date": start, "end_date": start + timedelta(days=90),
        "registration_deadline": clock.today + timedelta(days=14),
        "final_review_date": start + timedelta(days=95)}, start)


def _register(actor, movement, unit, day, today, approve_on=None):
    """``unit`` registers on ``day`` (its LĐTT candidates and the collective title) and its
    superior approves on ``approve_on``; nothing is written on a day not yet come."""
    if day >= today or Registration.objects.filter(movement=movement, unit=unit).exists():
        return
    with on_day(day, 10):
        if movement.registration_window() != Window.OPEN:
            return
        people = [e.person for e in unit.employments.filter(current_employment_q())
                  .select_related("person").order_by("person__sort_key")[:4]]
        ldtt = award_type_on("LDTT", day)
        registration = services.save_registration(
            actor, Registration(movement=movement, unit=unit, year=movement.start_date.year,
                                targets="Tăng 10% doanh thu; kết nạp thêm thành viên."),
            [award_type_on("TTLDTT", day)], [(person, ldtt) for person in people])
        services.submit_registration(actor, registration)
    if approve_on and approve_on < today:
        with on_day(approve_on, 14):
            services.approve_registration(actor, registration)


def _registrations(actor, yearly, drive, cooperatives, clock):
    """Six Huế cooperatives register for the year in January–February, each approved two working
    days later; two register for the drive in the last days and wait for approval. The demo
    cooperative (P46-HTX01) keeps the drive open for its reporter."""
    start = yearly.start_date
    for index, unit in enumerate(cooperatives[:6]):
        day = clock.calendar.add_working_days(start, 5 + 3 * index)
        approve_on = clock.calendar.add_working_days(day, 2)
        _register(actor, yearly, unit, day, clock.today, approve_on)
    for ago, unit in zip((3, 2), cooperatives[1:3], strict=True):
        _register(actor, drive, unit, clock.day(ago), clock.today)


def _rounds(today):
    """(year, period) of the last four quarters that ended and of the quarter under way."""
    quarter = (today.month - 1) // 3
    for back in range(4, -1, -1):
        index = quarter - back
        yield today.year + index // 4, ("Q1", "Q2", "Q3", "Q4")[index % 4]


def _reports(actor, hue, cooperatives, today, movements):
    """Huế's quarterly report rounds under the year's movement; the cooperatives report on their
    days — every fifth one never, every third one four days late."""
    for year, period in _rounds(today):
        movement = movements[year]
        schedule = ReportSchedule.objects.filter(owner=hue, movement=movement, year=year,
                                                 period=period).first()
        if schedule is None:
            opened = period_end(year, period) - timedelta(days=80)
            with on_day(opened):
                schedule = services.save_schedule(actor, ReportSchedule(
                    owner=hue, movement=movement, year=year, period=period,
                    due_date=default_due_date(year, period)))
        for index, unit in enumerate(cooperatives):
            day = schedule.due_date + timedelta(days=4 if index % 3 == 2 else -2)
            if (index % 5 == 4 or day >= today
                    or ProgressReport.objects.filter(schedule=schedule, unit=unit).exists()):
                continue
            with on_day(day, 10):
                services.submit_report(actor, ProgressReport(
                    schedule=schedule, unit=unit,
                    text=f"Báo cáo {schedule} của {unit.short_name or unit.name}.",
                    participants=20 + 3 * index, exemplars_found=index % 3,
                    initiatives=index % 2, new_cooperatives=1 if index == 0 else 0))


BLOC_MEMBER = "P46-HTX01"  # the htx.* accounts' cooperative: its bloc keeps a live score sheet
ADJUSTED = "Doanh thu tự chấm chưa khớp báo cáo tài chính quý gửi Liên minh"


def _bloc_scores(actor, hue, movement, clock):
    """This year's score sheet of the Huế bloc the htx.* cooperative belongs to: started from
    Huế's regular movement fifteen working days ago (not before that movement was launched), each
    member self-scoring on a later working day, one score adjusted by Huế with a reason. The sheet
    stays open, so members may still revise and htx.baocao sees the ranking it is in; its own
    cooperative has left the last criterion to score, so its home lists the sheet as work."""
    group = EmulationGroup.objects.filter(owner=hue, year=clock.today.year,
                                          members__code=BLOC_MEMBER).order_by("pk").first()
    if group is None or ScoreSheet.objects.filter(group=group).exists():
        return
    start = max(clock.day(15), timezone.localdate(movement.launched_at))
    with on_day(start, 10):
        sheet = rs.create_score_sheet(actor, group, TieBreak.CRITERIA_IN_ORDER, movement)
    criteria = list(sheet.criteria.all())
    for index, member in enumerate(group.members.order_by("code")):
        day = min(clock.calendar.add_working_days(start, 1 + index % 10), clock.today)
        rng = random.Random(f"{data.SEED}:bloc{clock.today.year}:{member.code}")
        evidence = (f"Báo cáo kết quả thi đua của {member.short_name or member.name} "
                    f"đến ngày {day:%d/%m/%Y}")
        with on_day(day, 14):
            scored = criteria[:-1] if member.code == BLOC_MEMBER else criteria
            scores = rs.self_score(actor, sheet, member, {
                c: (str(round(rng.uniform(0.7, 0.95) * c.max_points * 2) / 2), evidence)
                for c in scored})
        if index == 1:
            with on_day(day, 16):
                rs.adjust_score(actor, scores[0], str(scores[0].self_points - 2), ADJUSTED)


@transaction.atomic
def load(actor, today):
    vca = Organization.objects.get(code="VCA")
    hue = Organization.objects.get(code="P46")
    _anniversary(actor, vca)
    _hue_plan(actor, hue)
    clock = Clock(today)
    movements = {year: yearly_movement(actor, vca, hue, year)
                 for year in (today.year - 1, today.year)}
    drive = _drive(actor, hue, clock)
    cooperatives = list(Organization.objects.children_of(hue).filter(
        kind="COOPERATIVE", status="ACTIVE").order_by("code"))
    _registrations(actor, movements[today.year], drive, cooperatives, clock)
    _reports(actor, hue, cooperatives, today, movements)
    _bloc_scores(actor, hue, movements[today.year], clock)
