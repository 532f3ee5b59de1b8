"""Excel lists land in the same review as Word files: the official CANHAN layout, citizen IDs
matched by digest only, and a Word tờ trình with its Excel annex in one upload."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from interchange_samples import letter, upload
from openpyxl import Workbook

from thidua.interchange.commit import Review, commit_intake
from thidua.interchange.intake import IntakeRejected, read_files
from thidua.interchange.models import Intake

pytestmark = pytest.mark.django_db
CANHAN = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ",
          "Tên phòng ban/ khối, tổ công tác", "Tên đơn vị/tập thể công tác", "Địa chỉ / Nơi ở",
          "Mã phân loại cán bộ", "Mã hình thức khen thưởng", "Mã danh hiệu thi đua (nếu có)"]


def workbook(header, rows, name="danh-sach.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_official_canhan_layout_is_reviewed_like_word(network, hue_officer):
    sheet = workbook(CANHAN, [
        [1, "Nguyễn Văn Điệp", "NAM", "17/05/1980", "Thành viên", "", "P46-HTX01", "", "",
         "1650360499", "LDTT"],
        [2, "Lê Thị Hương", "NU", "17/05/1980", "Xã viên", "", "Hợp tác xã Dịch vụ Điện Hòa", "",
         "", "Giấy khen", ""]])
    intake = read_files(hue_officer, [sheet], proposer=network.hue)
    assert intake.source == "EXCEL"
    assert [(r["award"], r["match"]["status"], r["match"]["id"]) for r in intake.rows] == [
        ("GK", "matched", network.hue_person.pk), ("LDTT", "matched", network.hue_person.pk),
        ("GK", "matched", network.hue_person2.pk)]
    assert intake.rows[0]["source"] == "danh-sach.xlsx, trang Sheet, dòng 4"
    batch = commit_intake(hue_officer, intake, Review(authority=network.hue, title=intake.title,
                                                      year=intake.year))
    assert batch.items.count() == 3
    assert batch.attachments.get().original_name == "danh-sach.xlsx"


def test_citizen_id_matches_and_only_its_digest_is_kept(network, hue_officer):
    person = network.hue_person
    person.refresh_from_db()  # the fixture's instance predates its unit scope
    person.citizen_id = "046080001234"
    person.save()
    sheet = workbook(["STT", "Họ và tên", "Số CCCD", "Danh hiệu, hình thức khen thưởng"],
                     [[1, "Nguyễn Văn Điệp", "046080001234", "Giấy khen"]])
    intake = read_files(hue_officer, [sheet], proposer=network.hue)
    assert intake.rows[0]["match"]["id"] == person.pk
    assert "046080001234" not in str(Intake.objects.values_list("rows", flat=True).get())


def test_word_letter_with_excel_annex(network, hue_officer):
    sheet = workbook(CANHAN, [[1, "Nguyễn Văn Điệp", "NAM", "17/05/1980", "Thành viên", "",
                               "P46-HTX01", "", "", "GK", ""]])
    intake = read_files(hue_officer, [upload(letter(header=None)), sheet])
    assert (intake.source, intake.proposer, intake.reference) == (
        "WORD", network.hue_coop, "12/TTr-HTX")
    assert [r["match"]["id"] for r in intake.rows] == [network.hue_person.pk]


def test_bad_sheet_names_the_file_and_writes_nothing(network, hue_officer):
    broken = SimpleUploadedFile("hong.xlsx", b"PK\x03\x04junk")
    with pytest.raises(IntakeRejected) as rejected:
        read_files(hue_officer, [broken], proposer=network.hue)
    assert rejected.value.messages[0].startswith("“hong.xlsx”: ")
    assert not Intake.objects.exists()
    unknown = workbook(CANHAN, [[1, "Nguyễn Văn Điệp", "NAM", "17/05/1980", "", "", "P46-HTX01",
                                 "", "", "Huy chương vàng", ""]])
    intake = read_files(hue_officer, [unknown], proposer=network.hue)
    assert intake.rows[0]["problems"][0]["level"] == "error"
    with pytest.raises(IntakeRejected, match="chưa chọn danh hiệu"):
        commit_intake(hue_officer, intake, Review(authority=network.hue, title="x", year=2025))
