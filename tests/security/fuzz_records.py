"""One record of each kind whose page holds a form, built through the services the pages use, so
the form fuzzer (test_form_fuzz.py, on sequences restarted at 1) finds each at id 1: a movement
with its review and report round, a bloc with its pledge and score sheet, a council session and
a decision over a Huế batch, a programme with a target, an exemplar, an initiative, an
inspection, an event, an E&C department and staff member."""
from datetime import date

from nomination_pipeline import Pipeline

from thidua.movements import services as movement_services
from thidua.movements.models import Movement, ReportSchedule, Review
from thidua.nominations import workflow
from thidua.organizations import services as org_services
from thidua.organizations.models import EmulationGroup, GroupRole
from thidua.records import services as rs
from thidua.records.models import (CooperationProgramme, Event, Exemplar, Initiative, Inspection,
                                   Pledge, ProgrammeTarget)
from thidua.reports import services as report_services
from thidua.reports.models import ECDepartment, ECStaffMember


def nominations(network, make_user):
    """Batch 1 a draft; session 1 of the Huế council open on batch 3; batch 2 decided in session
    2, and decision 1 over it (a draft)."""
    pipeline = Pipeline(network, make_user, size=3)
    workflow.create_batch(network.actor, network.hue_coop, network.hue, title="Tờ trình",
                          year=2025)
    decided = pipeline.to_council(pipeline.draft())
    waiting = pipeline.to_council(pipeline.draft(
        person=network.person("Võ", "Thị", "Thu", network.hue_coop)))
    workflow.open_session(pipeline.hue.secretary, pipeline.hue.council, "Phiên họp tháng 12",
                          list(waiting.items.all()))
    pipeline.vote_all(decided)
    workflow.create_decision(pipeline.hue.signer, decided, list(decided.items.all()),
                             "Về việc tặng Giấy khen năm 2025")


def movement_records(network):
    actor, vca, hue = network.actor, network.vca, network.hue
    movement = movement_services.launch_movement(actor, movement_services.save_movement(
        actor, Movement(launched_by=vca, kind="REGULAR", title="Thi đua lao động giỏi",
                        goals="Hoàn thành kế hoạch năm", start_date=date(2026, 1, 1),
                        end_date=date(2026, 12, 31), registration_deadline=date(2026, 12, 1))))
    movement_services.save_review(actor, Review(movement=movement, organization=hue,
                                                kind="MIDTERM", held_on=date(2026, 7, 15),
                                                summary="Sơ kết 6 tháng"))
    movement_services.save_schedule(actor, ReportSchedule(owner=vca, movement=movement,
                                                          year=2026, period="Q1",
                                                          due_date=date(2026, 4, 8)))
    group = org_services.create_emulation_group(actor, EmulationGroup(
        owner=hue, name="Khối thi đua các HTX nông nghiệp", year=2026))
    org_services.set_group_member(actor, group, network.hue_coop, GroupRole.HEAD)
    org_services.set_group_member(actor, group, network.hue_coop2, GroupRole.MEMBER)
    rs.save_pledge(actor, Pledge(group=group, content="Giao ước thi đua 2026"))
    sheet = rs.create_score_sheet(actor, group, "CRITERIA_IN_ORDER")
    criterion = rs.add_criterion(actor, sheet, "Kết quả sản xuất, kinh doanh", 20)
    rs.self_score(actor, sheet, network.hue_coop, {criterion: ("15", "Báo cáo năm 2026")})
    programme = rs.save_programme(actor, CooperationProgramme(
        owner=vca, title="Chương trình phối hợp thi đua", partners="Ban Thi đua – Khen thưởng",
        start_year=2024, end_year=2026, commitments="Phát hiện, nhân rộng điển hình."))
    rs.save_target(actor, ProgrammeTarget(programme=programme, year=2025, indicator="AWARDS",
                                          minimum=10, maximum=15))
    rs.save_exemplar(actor, Exemplar(unit=network.hue_coop, title="Điển hình HTX Thủy Thanh",
                                     story="Câu chuyện điển hình.", found_on=date(2024, 5, 1)))
    rs.save_initiative(actor, Initiative(title="Máy sấy lúa tiết kiệm điện", unit=network.hue_coop,
                                         scope=1, year=2024), [network.hue_person])
    rs.save_inspection(actor, Inspection(organizer=hue, team="Đoàn kiểm tra",
                                         start_date=date(2025, 3, 1), end_date=date(2025, 3, 2)),
                       [network.hue_coop])
    rs.save_event(actor, Event(organizer=hue, kind="EXEMPLAR_CONFERENCE",
                               title="Hội nghị điển hình tiên tiến", held_on=date(2025, 5, 20)))


def ec_staff(network):
    actor, hue = network.actor, network.hue
    report_services.save_ec_record(actor, ECDepartment(
        organization=hue, name="Ban Thi đua – Khen thưởng", level="HOME_AFFAIRS_BOARD",
        start_year=2015))
    report_services.save_ec_record(actor, ECStaffMember(
        organization=hue, full_name="Đinh Thị Hoa", gender="FEMALE", birth_year=1980,
        training_level="COLLEGE", ec_since_year=2005, start_year=2005))


def every_kind(network, make_user):
    nominations(network, make_user)
    movement_records(network)
    ec_staff(network)
