"""Word tờ trình in real-world shapes → an intake under review → a draft batch, all or nothing."""
from datetime import date

import pytest
from interchange_samples import (
    letter,
    merged_header_annex,
    raw,
    report,
    simple_table,
    split_letter,
    upload,
)

from thidua.awards.models import Award, AwardType, Hold
from thidua.interchange.commit import Review, commit_intake
from thidua.interchange.intake import IntakeRejected, read_files
from thidua.interchange.models import Intake
from thidua.nominations.models import NominationBatch
from thidua.nominations.states import AttachmentKind, State
from thidua.organizations.models import Person

pytestmark = pytest.mark.django_db

ROWS = [("1", "Nguyễn Văn Điệp", "Thành viên", "HTX Nông nghiệp Thủy Thanh", "Giấy khen"),
        ("2", "Bà Hồ Thị Lan", "Kế toán", "Hợp tác xã Nông nghiệp Thủy Thanh", "Giấy khen")]


def review(intake, rows=None, past=()):
    return Review(authority=intake.authority, title=intake.title, year=intake.year,
                  reference=intake.reference, rows=rows or {}, past_awards=set(past))


def test_letter_with_heading_block_title_and_total_row(network, hue_officer):
    intake = read_files(hue_officer, [upload(letter(rows=ROWS))])
    assert (intake.proposer, intake.authority) == (network.hue_coop, network.hue)
    assert (intake.reference, intake.letter_date, intake.year) == (
        "12/TTr-HTX", date(2025, 11, 5), 2025)
    assert intake.title == "Về việc đề nghị tặng Giấy khen năm 2025"
    assert intake.award_codes == ["GK"]
    first, second = intake.rows
    assert (first["match"]["status"], first["match"]["id"]) == ("matched", network.hue_person.pk)
    assert (second["person_name"], second["gender"], second["match"]["status"]) == (
        "Hồ Thị Lan", "FEMALE", "new")
    assert second["match"]["unit_id"] == network.hue_coop.pk
    assert second["source"] == "to-trinh.docx, bảng 2, dòng 3"

    batch = commit_intake(hue_officer, intake, review(intake))
    assert (batch.state, batch.proposer, batch.authority, batch.reference) == (
        State.DRAFT, network.hue_coop, network.hue, "12/TTr-HTX")
    lan = Person.objects.get(given_name="Lan", family_name="Hồ")
    assert (lan.gender, lan.employments.get().organization) == ("FEMALE", network.hue_coop)
    assert sorted(batch.items.values_list("person__given_name", "award_type__code")) == [
        ("Lan", "GK"), ("Điệp", "GK")]
    assert batch.attachments.get().kind == AttachmentKind.SUBMISSION_LETTER
    intake.refresh_from_db()
    assert (intake.status, intake.batch) == ("COMMITTED", batch)
    with pytest.raises(IntakeRejected, match="đã được xử lý"):
        commit_intake(hue_officer, intake, review(intake))


def test_merged_headers_sections_and_unaccented_names(network, hue_officer):
    annex = merged_header_annex([
        "I. Cá nhân",
        ["1", "Nguyen Van Diep", "1980", "", "Thành viên, HTX Nông nghiệp Thủy Thanh",
         "Lao động tiên tiến"],
        ["2", "Lê Thị Hương", "", "17/05/1980", "Xã viên, Hợp tác xã Dịch vụ Điện Hòa",
         "Lao động tiên tiến"],
        "II. Tập thể",
        ["1", "Hợp tác xã Dịch vụ Điện Hòa", "", "", "", "Tập thể lao động tiên tiến"],
        ["", "Tổng cộng: 2 cá nhân, 1 tập thể", "", "", "", ""]])
    intake = read_files(hue_officer, [upload(annex, "danh-sach.docx")], proposer=network.hue)
    rows = [(r["kind"], r["birth"], r["gender"], r["award"], r["match"]["status"],
             r["match"]["id"]) for r in intake.rows]
    assert rows == [
        ("INDIVIDUAL", "1980", "MALE", "LDTT", "matched", network.hue_person.pk),
        ("INDIVIDUAL", "1980-05-17", "FEMALE", "LDTT", "matched", network.hue_person2.pk),
        ("COLLECTIVE", "", "", "TTLDTT", "matched", network.hue_coop2.pk)]
    assert not [p for r in intake.rows for p in r["problems"]]


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_split_across_pages(network, hue_officer, repeat_header):
    document = split_letter(
        [["1", "Nguyễn Văn Điệp", "HTX Nông nghiệp Thủy Thanh", "Lao động tiên tiến"]],
        [["2", "Lê Thị Hương", "Hợp tác xã Dịch vụ Điện Hòa", "Lao động tiên tiến"]],
        repeat_header)
    intake = read_files(hue_officer, [upload(document)], proposer=network.hue)
    assert [r["match"]["id"] for r in intake.rows] == [network.hue_person.pk,
                                                        network.hue_person2.pk]


def test_award_from_the_letter_text_when_the_table_has_none(network, hue_officer):
    document = letter(title="V/v đề nghị khen thưởng năm 2025",
                      body="Đề nghị Liên minh HTX thành phố Huế xét tặng Bằng khen của Liên minh "
                           "Hợp tác xã Việt Nam cho 01 cá nhân.",
                      header=("STT", "Họ và tên", "Chức vụ, đơn vị công tác"),
                      rows=[("1", "Nguyễn Văn Điệp", "Thành viên, HTX Nông nghiệp Thủy Thanh")])
    intake = read_files(hue_officer, [upload(document)])
    assert intake.award_codes == ["BK_BO"]
    assert (intake.rows[0]["award"], intake.rows[0]["position"]) == ("BK_BO", "Thành viên")


def test_ambiguous_person_needs_the_officers_choice(network, hue_officer):
    twin = network.person("Nguyễn", "Văn", "Điệp", network.hue_coop)
    twin.refresh_from_db()  # the instance predates its unit scope
    twin.birth_date = None
    twin.save()
    intake = read_files(hue_officer, [upload(letter(rows=[ROWS[0]]))])
    match = intake.rows[0]["match"]
    assert match["status"] == "ambiguous"
    assert {c["id"] for c in match["choices"]} == {network.hue_person.pk, twin.pk}
    with pytest.raises(IntakeRejected, match="hãy chọn người"):
        commit_intake(hue_officer, intake, review(intake))
    assert not NominationBatch.objects.exists()
    batch = commit_intake(hue_officer, intake, review(intake, {0: {"choice": str(twin.pk)}}))
    assert batch.items.get().person == twin


def test_one_refused_nominee_writes_nothing(network, hue_officer, root_user):
    Hold.objects.create(person=network.hue_person2, start_date=date(2025, 1, 1),
                        reason="Đang xem xét kỷ luật")
    rows = ROWS + [("3", "Lê Thị Hương", "", "Hợp tác xã Dịch vụ Điện Hòa", "Giấy khen")]
    intake = read_files(hue_officer, [upload(letter(rows=rows))], proposer=network.hue)
    people = Person.objects.count()
    with pytest.raises(IntakeRejected) as rejected:
        commit_intake(hue_officer, intake, review(intake))
    assert rejected.value.messages == [(
        "to-trinh.docx, bảng 2, dòng 4 — Lê Thị Hương: Lê Thị Hương đang trong thời gian tạm "
        "dừng xét khen thưởng.")]
    assert not NominationBatch.objects.exists()
    assert Person.objects.count() == people  # the new Hồ Thị Lan was not kept either
    intake.refresh_from_db()
    assert intake.status == "OPEN"


def test_every_refused_row_is_listed_in_row_order(network, hue_officer):
    Hold.objects.create(person=network.hue_person, start_date=date(2025, 1, 1),
                        reason="Đang xem xét kỷ luật")
    rows = [("1", "Ông Tuấn", "Thành viên", "Hợp tác xã Nông nghiệp Thủy Thanh", "Giấy khen"),
            *ROWS]
    intake = read_files(hue_officer, [upload(letter(rows=rows))], proposer=network.hue)
    with pytest.raises(IntakeRejected) as rejected:
        commit_intake(hue_officer, intake, review(intake))
    assert rejected.value.messages == [
        "to-trinh.docx, bảng 2, dòng 2 — Ông Tuấn: Họ tên “Tuấn” cần có cả họ và tên.",
        "to-trinh.docx, bảng 2, dòng 3 — Nguyễn Văn Điệp: Nguyễn Văn Điệp đang trong thời gian "
        "tạm dừng xét khen thưởng."]
    assert not NominationBatch.objects.exists()


def test_skipping_a_row_is_the_officers_decision(network, hue_officer):
    intake = read_files(hue_officer, [upload(letter(rows=ROWS))])
    batch = commit_intake(hue_officer, intake, review(intake, {1: {"choice": "skip"}}))
    assert list(batch.items.values_list("person", flat=True)) == [network.hue_person.pk]


def test_achievement_report_offers_past_awards_for_the_registry(network, hue_officer):
    files = [upload(letter(rows=[ROWS[0]])), upload(report(
        "Nguyễn Văn Điệp", "17/05/1980", "HTX Nông nghiệp Thủy Thanh",
        [["2023", "Lao động tiên tiến", ("Quyết định số 15/QĐ-HTX ngày 20/12/2023 của Giám đốc "
                                         "HTX Nông nghiệp Thủy Thanh")],
         ["2024", "Danh hiệu Chiến sĩ thi đua cơ sở", "Số 20/QĐ-LMHTX ngày 10/01/2025"]]),
        "bao-cao.docx")]
    intake = read_files(hue_officer, files)
    assert [(p["year"], p["award"], p["decision_number"], p["row"]) for p in intake.past_awards] \
        == [(2023, "LDTT", "15/QĐ-HTX", 0), (2024, "CSTDCS", "20/QĐ-LMHTX", 0)]
    batch = commit_intake(hue_officer, intake, review(intake, past={0}))
    award = Award.objects.get(person=network.hue_person)
    assert (award.year, award.award_type.code, award.decision_number, award.decision_date,
            award.issuer_name) == (2023, "LDTT", "15/QĐ-HTX", date(2023, 12, 20),
                                   "Giám đốc HTX Nông nghiệp Thủy Thanh")
    report_file = batch.attachments.get(kind=AttachmentKind.ACHIEVEMENT_REPORT)
    assert report_file.item.person == network.hue_person


def _rejected(user, files, **kwargs):
    with pytest.raises(IntakeRejected) as rejected:
        read_files(user, files, **kwargs)
    assert not Intake.objects.exists()
    return " ".join(rejected.value.messages)


def test_bad_files_say_what_and_where_and_write_nothing(network, hue_officer, settings):
    import docx

    no_table = docx.Document()
    no_table.add_paragraph("TỜ TRÌNH")
    assert "Không tìm thấy bảng danh sách" in _rejected(hue_officer, [upload(no_table, "a.docx")])

    two = letter(rows=ROWS)
    two.add_paragraph("Danh sách tập thể")
    simple_table(two, ["STT", "Tên tập thể", "Hình thức"], [["1", "HTX Điện Hòa", "Giấy khen"]])
    message = _rejected(hue_officer, [upload(two, "hai-bang.docx")])
    assert "“hai-bang.docx” có hai bảng đều giống danh sách" in message
    assert "bảng 2 và bảng 4" in message

    assert "“hong.docx” bị hỏng" in _rejected(hue_officer, [raw("hong.docx", b"PK\x03\x04junk")])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    assert "“mat-khau.docx” có đặt mật khẩu" in _rejected(hue_officer, [raw("mat-khau.docx", ole)])
    settings.THIDUA_UPLOAD_MAX_BYTES = 1000
    assert "“lon.docx” lớn hơn 1000" in _rejected(hue_officer, [raw("lon.docx", b"PK" * 600)])


def test_nominee_without_unit_cannot_be_created(network, hue_officer):
    intake = read_files(hue_officer, [upload(letter(
        rows=[("1", "Đặng Văn Khoa", "Tổ trưởng", "", "Giấy khen")]))])
    problems = [p["text"] for p in intake.rows[0]["problems"]]
    assert "Không ghi đơn vị công tác" in problems[0]
    assert "không xác định được đơn vị công tác" in problems[1]
    with pytest.raises(IntakeRejected, match="dòng 2 — Đặng Văn Khoa: hãy chọn"):
        commit_intake(hue_officer, intake, review(intake))
    assert not NominationBatch.objects.exists()


def test_another_units_officer_can_neither_read_nor_open(client, network, hue_officer,
                                                          hanoi_officer):
    assert "Không xác định được đơn vị đề nghị" in _rejected(
        hanoi_officer, [upload(letter(rows=ROWS))])
    assert "không có quyền lập tờ trình" in _rejected(
        hanoi_officer, [upload(letter(rows=ROWS))], proposer=network.hue_coop)
    intake = read_files(hue_officer, [upload(letter(rows=ROWS))])
    client.force_login(hanoi_officer)
    assert client.get(intake.get_absolute_url()).status_code == 403
    assert client.post(intake.get_absolute_url(), {"discard": "1"}).status_code == 403
    intake.refresh_from_db()
    assert intake.status == "OPEN"
    assert AwardType.objects.filter(code="GK").exists()


def test_household_section_records_the_head(network, hue_officer):
    annex = merged_header_annex([
        "III. Hộ gia đình",
        ["1", "Hộ ông Lê Văn Tám", "1975", "", "Hợp tác xã Nông nghiệp Thủy Thanh", "Giấy khen"]])
    intake = read_files(hue_officer, [upload(annex)], proposer=network.hue_coop)
    [row] = intake.rows
    assert (row["kind"], row["person_name"], row["gender"], row["match"]["status"]) == (
        "HOUSEHOLD", "Lê Văn Tám", "MALE", "new")
    item = commit_intake(hue_officer, intake, review(intake)).items.get()
    assert (item.subject_kind, item.household_name, item.person.full_name) == (
        "HOUSEHOLD", "Hộ ông Lê Văn Tám", "Lê Văn Tám")


def test_mixed_list_without_sections_tells_collectives_by_their_names(network, hue_officer):
    document = letter(header=("STT", "Họ và tên / Tên tập thể", "Đơn vị", "Hình thức"), rows=[
        ("1", "Nguyễn Văn Điệp", "HTX Nông nghiệp Thủy Thanh", "Giấy khen"),
        ("2", "Hợp tác xã Dịch vụ Điện Hòa", "", "Giấy khen")])
    intake = read_files(hue_officer, [upload(document)], proposer=network.hue)
    assert [(r["kind"], r["match"]["id"]) for r in intake.rows] == [
        ("INDIVIDUAL", network.hue_person.pk), ("COLLECTIVE", network.hue_coop2.pk)]
