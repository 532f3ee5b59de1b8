"""Demo data of the records app, written anew from the seed facts: the VCA bloc's 2022 score
sheet (the Cooperative Development Fund ahead) and 2023 pledge, the 2017–2022 cooperation
programme with the Central Emulation & Commendation Board and the exemplars behind its actuals,
inspections in Huế and the VCA system's 4th Patriotic Emulation Congress.

Everything goes through ``records.services`` as the acting demo administrator, and each object is
found again by a natural key first, so a second run creates nothing.
"""
import random
from datetime import date
from decimal import Decimal

from thidua.organizations.models import Employment, EmulationGroup, Organization
from thidua.organizations.models import OrganizationKind as K
from thidua.records import services as rs
from thidua.records.models import (CooperationProgramme, Event, EventKind, Exemplar, ExemplarStage,
                                   Inspection, InspectionStatus, Pledge, ProgrammeIndicator,
                                   ProgrammeTarget, ScoreSheet, TieBreak)

from . import data

CRITERIA = [  # (criterion, maximum points) of the VCA bloc's sheet, 100 in all
    ("Hoàn thành nhiệm vụ chuyên môn và kế hoạch năm được Liên minh giao", 40),
    ("Tư vấn, hỗ trợ hợp tác xã, liên hiệp hợp tác xã và thành viên", 20),
    ("Tổ chức phong trào thi đua; phát hiện, bồi dưỡng, nhân rộng điển hình", 15),
    ("Tiết kiệm, chống lãng phí; chuyển đổi số trong hoạt động của đơn vị", 10),
    ("Xây dựng tổ chức đảng, đoàn thể; chăm lo đời sống người lao động", 10),
    ("Chấp hành chế độ thông tin, báo cáo với Liên minh", 5),
]
LEADER_POINTS = ("39", "19.5", "14.5", "9.5", "10", "5")
PLEDGE_CONTENT = (
    "Các đơn vị thành viên cùng cam kết thi đua trong năm 2023:\n"
    "1. Hoàn thành vượt mức kế hoạch công tác năm Liên minh giao, ưu tiên tư vấn, hỗ trợ hợp "
    "tác xã phục hồi sản xuất, kinh doanh.\n"
    "2. Góp ý xây dựng Luật Hợp tác xã (sửa đổi) và các văn bản hướng dẫn thi hành.\n"
    "3. Đẩy mạnh chuyển đổi số, thực hành tiết kiệm trong chi tiêu và sử dụng tài sản công.\n"
    "4. Hưởng ứng các đợt thi đua chào mừng ngày thành lập Đảng, ngày thành lập Liên minh và "
    "Quốc khánh; kịp thời biểu dương tập thể, cá nhân tiêu biểu.")
PLEDGE_TARGETS = ("100% đơn vị hoàn thành kế hoạch năm; mỗi đơn vị có ít nhất một mô hình, cách "
                  "làm hay được giới thiệu; gửi báo cáo 6 tháng, năm đúng hạn.")
CHAINS = ["chuỗi lúa gạo hữu cơ", "chuỗi rau an toàn", "chuỗi dược liệu",
          "chuỗi thủy sản khép kín", "du lịch cộng đồng gắn nông sản"]
# Exemplars honoured each year behind the programme's actuals (a COVID dip in 2020).
NEW_MODEL_PER_YEAR = {2017: 9, 2018: 12, 2019: 14, 2020: 8, 2021: 13, 2022: 16}
PEOPLE_PER_YEAR = {2017: 15, 2018: 17, 2019: 21, 2020: 12, 2021: 16, 2022: 19}
PROVINCES = (data.HUE, data.HANOI, data.DAKLAK)


def load(actor, created):
    vca = Organization.objects.get(code=data.VCA["code"])
    bloc_scores(actor, vca, created)
    bloc_pledge(actor, vca, created)
    exemplars = programme_exemplars(actor, created)
    cooperation_programme(actor, vca, created)
    inspections(actor, vca, created)
    congress(actor, vca, [e for e in exemplars if e.honoured_on and e.honoured_on.year <= 2019])


def _bloc(vca, year):
    return EmulationGroup.objects.filter(owner=vca, name=data.VCA_BLOC, year=year).first()


def bloc_scores(actor, vca, created):
    """The 2022 sheet: every member self-scored, one adjustment, the sheet closed at the review."""
    group = _bloc(vca, 2022)
    if group is None or ScoreSheet.objects.filter(group=group).exists():
        return
    sheet = rs.create_score_sheet(actor, group, TieBreak.CRITERIA_IN_ORDER)
    criteria = [rs.add_criterion(actor, sheet, name, points) for name, points in CRITERIA]
    leader = f"VCA-{data.VCA_BLOC_HEAD}"
    for member in group.members.order_by("code"):
        rng = random.Random(f"{data.SEED}:bloc2022:{member.code}")
        values = LEADER_POINTS if member.code == leader else [
            str(round(rng.uniform(0.72, 0.93) * points * 2) / 2) for _name, points in CRITERIA]
        evidence = "Báo cáo tổng kết công tác năm 2022 của đơn vị"
        scores = rs.self_score(actor, sheet, member, {
            c: (v, evidence) for c, v in zip(criteria, values, strict=True)})
        created["scores"] += len(scores)
        if member.code == "VCA-TCHT":
            rs.adjust_score(actor, scores[3], str(Decimal(scores[3].self_points) - 2),
                            "Chưa có minh chứng về tiết kiệm chi thường xuyên")
    rs.update_score_sheet(actor, sheet, TieBreak.CRITERIA_IN_ORDER, is_open=False)


def bloc_pledge(actor, vca, created):
    """The 2023 pledge, signed by every member at the review on 6 January 2023."""
    group = _bloc(vca, 2023)
    if group is None:
        return
    pledge = Pledge.objects.filter(group=group).first() or rs.save_pledge(actor, Pledge(
        group=group, content=PLEDGE_CONTENT, targets=PLEDGE_TARGETS,
        signing_date=date(2023, 1, 6)))
    titles = {f"VCA-{row[0]}": row[4] for row in data.ALLIANCE_UNITS}
    signed = set(pledge.signatures.values_list("member_id", flat=True))
    for member in group.members.exclude(pk__in=signed).order_by("code"):
        rs.sign_pledge(actor, pledge, member, date(2023, 1, 6), titles.get(member.code, ""))
        created["pledge_signatures"] += 1


def _exemplar(actor, created, unit, title, honoured, **fields):
    """Found and nurtured the year before, honoured on ``honoured``; some replicated later."""
    found = Exemplar.objects.filter(unit=unit, title=title).first()
    if found:
        return found
    replicated = date(honoured.year + 1, 4, 15) if honoured.day % 3 == 0 else None
    record = Exemplar(unit=unit, title=title, found_on=date(honoured.year - 1, 3, 10),
                      nurtured_on=date(honoured.year - 1, 9, 1), honoured_on=honoured,
                      replicated_on=replicated, **fields)
    record.stage = ExemplarStage.REPLICATED if replicated else ExemplarStage.HONOURED
    created["exemplars"] += 1
    return rs.save_exemplar(actor, record)


def _local_units(kinds):
    units = Organization.objects.none()
    for province in PROVINCES:
        units |= Organization.objects.filter(code__startswith=f"P{province:02d}-", kind__in=kinds)
    return list(units.filter(status="ACTIVE").order_by("code"))


def programme_exemplars(actor, created):
    """New-model cooperatives and exemplary people honoured 2017–2022 in the three provinces."""
    records = []
    cooperatives = _local_units([K.COOPERATIVE, K.COOPERATIVE_UNION])
    index = 0
    for year, count in NEW_MODEL_PER_YEAR.items():
        for number in range(count):
            coop = cooperatives[index % len(cooperatives)]
            chain = CHAINS[index % len(CHAINS)]
            records.append(_exemplar(
                actor, created, coop, f"Mô hình {chain} của {coop.name}",
                date(year, 1 + number % 11, 1 + (index * 7) % 27), is_new_model=True,
                field=chain, story=f"{coop.name} tổ chức sản xuất theo {chain}, liên kết tiêu "
                                   "thụ với doanh nghiệp, nâng thu nhập cho thành viên."))
            index += 1
    employments = (Employment.objects.filter(end_date__isnull=True,
                                             organization__in=_local_units([K.COOPERATIVE]))
                   .select_related("person", "organization").order_by("organization__code",
                                                                       "person_id"))
    people = iter(employments)
    for year, count in PEOPLE_PER_YEAR.items():
        for number, employment in zip(range(count), people):
            person = employment.person
            records.append(_exemplar(
                actor, created, employment.organization, f"Gương lao động giỏi {person.full_name}",
                date(year, 1 + number % 11, 2 + number % 26), person=person, field="Sản xuất",
                story=f"{person.full_name} gắn bó với {employment.organization.name}, mạnh dạn "
                      "áp dụng kỹ thuật mới và giúp đỡ các thành viên khác."))
    return records


def cooperation_programme(actor, vca, created):
    title = "Chương trình phối hợp về thi đua, khen thưởng trong khu vực kinh tế tập thể 2017–2022"
    programme = CooperationProgramme.objects.filter(owner=vca, title=title).first()
    if programme is None:
        programme = rs.save_programme(actor, CooperationProgramme(
            owner=vca, title=title, signed_on=date(2017, 3, 3), start_year=2017, end_year=2022,
            partners="Ban Thi đua – Khen thưởng Trung ương (Bộ Nội vụ)",
            commitments=(
                "Hai bên cùng tuyên truyền về thi đua trong khu vực kinh tế tập thể trên các cơ "
                "quan báo chí, cổng thông tin của mình; cùng phát động phong trào đoàn kết, sáng "
                "tạo, nâng cao hiệu quả hoạt động của HTX, góp phần xây dựng nông thôn mới; tổ "
                "chức đoàn kiểm tra, khảo sát chung; phát hiện, bồi dưỡng, tôn vinh điển hình, "
                "chú trọng người trực tiếp sản xuất. Sơ kết hằng năm, tổng kết năm 2022.")))
        created["programmes"] += 1
    for year in range(2017, 2023):
        for indicator, low, high in ((ProgrammeIndicator.NEW_MODEL_COOPERATIVES, 10, 15),
                                     (ProgrammeIndicator.EXEMPLARY_INDIVIDUALS, 15, 20)):
            if not programme.targets.filter(year=year, indicator=indicator).exists():
                rs.save_target(actor, ProgrammeTarget(programme=programme, year=year,
                                                      indicator=indicator, minimum=low,
                                                      maximum=high))
                created["programme_targets"] += 1
    return programme


def inspections(actor, vca, created):
    hue = Organization.objects.get(code=f"P{data.HUE:02d}")
    coops = list(Organization.objects.filter(code__in=[f"P{data.HUE:02d}-HTX01",
                                                       f"P{data.HUE:02d}-HTX06"]))
    plans = [
        (vca, date(2021, 9, 14), date(2021, 9, 16), [hue, *coops], InspectionStatus.FOLLOWING_UP,
         "Đoàn liên ngành Liên minh HTX Việt Nam và Ban Thi đua – Khen thưởng Trung ương",
         ("Phong trào được triển khai đến các HTX; hồ sơ đề nghị khen thưởng năm 2020 còn thiếu "
          "báo cáo thành tích có xác nhận."),
         "Hoàn thiện hồ sơ khen thưởng; báo cáo kết quả khắc phục trước 31/12/2021."),
        (hue, date(2020, 10, 20), date(2020, 10, 22), coops, InspectionStatus.CLOSED,
         "Thường trực Hội đồng Thi đua – Khen thưởng Liên minh HTX tỉnh",
         "Các HTX có đăng ký thi đua đầu năm; việc bình xét chưa công khai tại một HTX.",
         "Niêm yết danh sách đề nghị khen thưởng tại trụ sở HTX trước khi họp xét."),
    ]
    for organizer, start, end, units, status, team, findings, recommendations in plans:
        if Inspection.objects.filter(organizer=organizer, start_date=start).exists():
            continue
        rs.save_inspection(actor, Inspection(
            organizer=organizer, start_date=start, end_date=end, status=status, team=team,
            findings=findings, recommendations=recommendations), units)
        created["inspections"] += 1


def congress(actor, vca, exemplars):
    title = "Đại hội thi đua yêu nước hệ thống Liên minh HTX Việt Nam lần thứ IV"
    if Event.objects.filter(organizer=vca, title=title).exists():
        return
    rs.save_event(actor, Event(
        organizer=vca, kind=EventKind.CONGRESS, title=title, held_on=date(2020, 6, 15),
        period_label="2020–2025",
        summary=("Tổ chức trong hai ngày 15–16/6/2020 cùng Hội nghị Ban Chấp hành lần thứ 10, "
                 "tại trụ sở Liên minh: nhìn lại năm năm phong trào thi đua và công tác khen "
                 "thưởng, tôn vinh các tập thể, cá nhân tiêu biểu, đề ra phương hướng giai đoạn "
                 "2020–2025.")), exemplars=exemplars[:12])
