"""The shared reader of uploaded sheets: real-world layouts (titles, STT, totals, sections, merged
cells, Excel and text dates, the header on another sheet) and every broken file, each answered by
a Vietnamese message with nothing read."""
import io
import zipfile
from datetime import date, datetime, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import Workbook

from thidua.core.xlsx_import import Column, Spec, a_date, a_year, preview
from thidua.core.xlsx_sheet import (OLE_MAGIC, Formula, ImportRejected, Table, read_table,
                                   read_upload)

COLUMNS = (Column("name", "Họ và tên", required=True, aliases=("Tên cá nhân",)),
           Column("born", "Ngày sinh", a_date), Column("year", "Năm", a_year))


def book_bytes(*sheets, hidden=()):
    """Each sheet is a list of rows; a row given as ("merge", "A1:C1") merges cells instead."""
    book = Workbook()
    book.remove(book.active)
    for index, rows in enumerate(sheets):
        page = book.create_sheet(f"Trang {index + 1}")
        for row in rows:
            if row and row[0] == "merge":
                page.merge_cells(row[1])
            else:
                page.append(row)
        if index in hidden:
            page.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table(*sheets, **kwargs):
    return read_table(book_bytes(*sheets, **kwargs), COLUMNS, ignored=("Ghi chú",))


def rejected(data, columns=COLUMNS):
    with pytest.raises(ImportRejected) as caught:
        read_table(data, columns)
    return caught.value.errors


def test_title_rows_stt_totals_blank_template_rows_and_sections():
    found = table([
        ["DANH SÁCH CÁ NHÂN"], ("merge", "A1:D1"), ["(Kèm theo Tờ trình số 12)"], [],
        ["STT", "  HỌ VÀ  TÊN ", "ngay sinh", "Ghi chú"],
        ["I. Cá nhân"],
        [1, "Nguyễn Văn A", "05/06/1990", "x"],
        [2, None, None, None],
        [3],  # a numbered template row left empty
        ["II. Tập thể"],
        [4, "Trần Thị B", datetime(1985, 1, 2), None],
        [None, "Tổng cộng", None, None],
    ])
    assert (found.header_row, found.sheet, found.skipped) == (4, "Trang 1", 1)
    assert [(n, v["name"], v["_section"]) for n, v in found.rows] == [
        (6, "Nguyễn Văn A", "I. Cá nhân"), (10, "Trần Thị B", "II. Tập thể")]
    assert [c.key for c in found.columns] == ["name", "born"]


def test_header_is_found_on_the_first_visible_sheet_that_has_it():
    found = table([["Hướng dẫn điền"]], [["Mã", "Tên"], [1, "Giấy khen"]],
                  [["Tên cá nhân", "Năm"], ["Lê C", 2024]], hidden=())
    assert (found.sheet, found.rows) == ("Trang 3", [(2, {"_section": "", "name": "Lê C",
                                                          "year": 2024})])
    hidden = book_bytes([["Họ và tên"], ["Ẩn"]], [["Họ và tên"], ["Hiện"]], hidden=(0,))
    assert read_table(hidden, COLUMNS).rows[0][1]["name"] == "Hiện"


def test_merged_cells_lend_their_value_down_the_rows():
    found = table([["Họ và tên", "Năm"], ["A", 2020], ["B", None], ["C", None],
                   ("merge", "B2:B4")])
    assert [v["year"] for _n, v in found.rows] == [2020, 2020, 2020]


def test_aliases_fall_back_when_the_first_column_is_blank():
    found = table([["Họ và tên", "Tên cá nhân"], ["A", None], [None, "B"]])
    assert [v["name"] for _n, v in found.rows] == ["A", "B"]


@pytest.mark.parametrize("value, expected", [
    ("05/06/1990", date(1990, 6, 5)), ("5.6.1990", date(1990, 6, 5)),
    (datetime(1990, 6, 5, 0, 0), date(1990, 6, 5)), (33029, date(1990, 6, 5)),
])
def test_dates_as_text_excel_dates_or_day_numbers(value, expected):
    assert a_date(value) == expected


def test_two_header_rows_are_refused():
    errors = rejected(book_bytes([["Họ và tên", "Ngày sinh"], ["Họ và tên", "Năm"], ["A", 2020]]))
    assert errors == ["Tệp có hai dòng tiêu đề (dòng 1 và dòng 2). Hãy để một dòng tiêu đề duy "
                      "nhất, ghi đủ tên các cột ở dòng đó, rồi tải lên lại."]
    pasted = [["Họ và tên", "Năm"]] + [[f"N{i}", 2020] for i in range(30)] + [["Họ và tên", "Năm"]]
    assert "dòng 1 và dòng 32" in rejected(book_bytes(pasted))[0]


def test_missing_unknown_and_repeated_headers():
    assert rejected(book_bytes([["Tên gọi", "Năm"], ["A", 2020]]))[0].startswith(
        "Tiêu đề cột ở dòng 1 không khớp mẫu. Thiếu cột bắt buộc: Họ và tên. Cột không nhận ra "
        "hoặc bị lặp: Tên gọi.")
    assert "bị lặp: Họ và tên" in rejected(book_bytes([["Họ và tên", "Năm", "Họ và tên"]]))[0]
    assert rejected(book_bytes([["Số liệu"], [1]]))[0].startswith("Không tìm thấy dòng tiêu đề.")


@override_settings(THIDUA_IMPORT_MAX_ROWS=50)
def test_more_rows_than_the_cap_stop_the_read():
    rows = [["Họ và tên"]] + [[f"Người {i}"] for i in range(51)]
    assert rejected(book_bytes(rows)) == [
        "Tệp có hơn 50 dòng dữ liệu; mỗi lần chỉ nhập được tối đa 50 dòng. Hãy chia danh sách "
        "thành nhiều tệp."]
    assert len(read_table(book_bytes(rows[:51]), COLUMNS).rows) == 50


def raw_workbook(rows):
    """A minimal .xlsx written as XML (inline strings), much faster to build than with openpyxl."""
    cells = "".join(
        f'<row r="{number}">' + "".join(
            f'<c r="{column}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
            for column, value in zip("AB", row)) + "</row>"
        for number, row in enumerate(rows, start=1))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{relations}/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets><sheet name="DS" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{relations}/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><dimension ref="A1:B{len(rows)}"/><sheetData>{cells}'
            '</sheetData></worksheet>'),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return buffer.getvalue()


@override_settings(THIDUA_IMPORT_MAX_ROWS=5_000)
def test_a_hundred_thousand_rows_are_refused_after_reading_the_cap():
    """The cap stops the streaming read: a 100,000-row upload costs little time or memory."""
    rows = [("Họ và tên", "Năm")] + [(f"Người {index}", "2020") for index in range(100_000)]
    assert rejected(raw_workbook(rows)) == [
        "Tệp có hơn 5.000 dòng dữ liệu; mỗi lần chỉ nhập được tối đa 5.000 dòng. Hãy chia danh "
        "sách thành nhiều tệp."]


def upload(content, name="tep.xlsx"):
    return SimpleUploadedFile(name, content)


def test_password_protected_workbook():
    # An encrypted .xlsx is an OLE compound file whose directory names the EncryptionInfo stream.
    content = OLE_MAGIC + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64
    with pytest.raises(ImportRejected) as caught:
        read_upload(upload(content))
    assert caught.value.errors[0].startswith("Tệp đang được đặt mật khẩu nên không đọc được.")


@pytest.mark.parametrize("content", [
    b"Ho va ten\nA\n",  # CSV renamed
    OLE_MAGIC + b"\0" * 512,  # legacy .xls
    b"%PDF-1.4 not a sheet",
])
def test_foreign_content_is_not_a_workbook(content):
    with pytest.raises(ImportRejected) as caught:
        read_upload(upload(content))
    assert caught.value.errors == ["Tệp không phải bảng tính Excel .xlsx. Hãy mở tệp bằng Excel "
                                   "và lưu lại dạng “Excel Workbook (.xlsx)”."]


def test_truncated_and_corrupted_workbooks():
    whole = book_bytes([["Họ và tên"], ["A"]])
    with pytest.raises(ImportRejected) as caught:
        read_upload(upload(whole[: len(whole) // 2]))
    assert caught.value.errors[0].startswith("Tệp Excel bị hỏng")
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(whole)) as source, zipfile.ZipFile(broken, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # the sheet's XML stops mid-row
            target.writestr(member, data)
    assert rejected(read_upload(upload(broken.getvalue())))[0].startswith("Tệp Excel bị hỏng")


@override_settings(THIDUA_IMPORT_MAX_BYTES=100_000)
def test_zip_bombs_and_big_files_are_refused_by_size():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * 5_000_000)
    with pytest.raises(ImportRejected) as caught:
        read_upload(upload(bomb.getvalue()))
    message = caught.value.errors[0]  # the expanded size is the reason, not the upload's
    assert "giải nén ra tới 4,8\xa0MB" in message and "giới hạn 1,9\xa0MB" in message
    assert "bom nén" in message and "Tệp quá lớn" not in message
    with pytest.raises(ImportRejected) as caught:
        read_upload(upload(b"PK" + b"\0" * 200_000))
    assert caught.value.errors[0].startswith("Tệp quá lớn (195,3\xa0KB)")


class Names(Spec):
    columns = COLUMNS

    def prepare(self, rows):
        self.seen = {}

    def build(self, number, values, problems):
        self.unique(number, "name", values["name"], self.seen, {"Đã có"}, problems)
        return values["name"]


def test_preview_marks_each_row_and_samples_errors_first():
    rows = [["Họ và tên", "Năm"]] + [[f"N{i}", 2020] for i in range(600)] + [
        ["N3", 2020], ["Đã có", "năm ngoái"]]
    checked = preview(Names(None, None), book_bytes(rows))
    assert not checked.ok and checked.error_rows == 2
    assert checked.errors == ["Dòng 602: Họ và tên N3 trùng với dòng 5.",
                              "Dòng 603: Năm “năm ngoái” không phải năm hợp lệ.",
                              "Dòng 603: Họ và tên Đã có đã có trong hệ thống."]
    sample = checked.sample(limit=10)
    assert [row.number for row in sample] == [2, 3, 4, 5, 6, 7, 8, 9, 602, 603]
    assert sample[-1].cells == ["Đã có", "năm ngoái"]
    empty = preview(Names(None, None), book_bytes([["Họ và tên"], [None]]))
    assert empty.errors == ["Tệp không có dòng dữ liệu nào."]


def test_a_formula_without_a_computed_value_is_named_not_called_empty():
    rows = [["Họ và tên", "Năm"], ["=A1&\"x\"", 2020], ["Trần Thị B", "=2000+25"], [None, None],
            ["Lê Văn C", 2021]]
    checked = preview(Names(None, None), book_bytes(rows))  # openpyxl stores no computed value
    assert checked.errors == [
        "Dòng 2: Họ và tên là công thức =A1&\"x\" nhưng tệp không lưu kết quả tính. Hãy mở tệp "
        "bằng Excel rồi lưu lại, hoặc dán giá trị thay cho công thức.",
        "Dòng 3: Năm là công thức =2000+25 nhưng tệp không lưu kết quả tính. Hãy mở tệp bằng "
        "Excel rồi lưu lại, hoặc dán giá trị thay cho công thức."]
    assert [number for number, _values in table(rows).rows] == [2, 3, 5]


def test_a_read_table_is_kept_between_preview_and_confirm_as_it_was_read():
    """``Table.dumps``/``loads`` (JSON in ``core.staging``) give the confirmation the very cells
    the preview checked: dates, times, numbers, booleans, blanks and formulas keep their types."""
    read = table([["Họ và tên", "Ngày sinh", "Năm"],
                  ["Lê Văn A", datetime(1990, 5, 6), 2024],
                  ["Trần Thị B", "06/05/1991", "=A1"], ["Ngô C", date(1992, 1, 2), 2025.0]])
    read.rows.append((9, {"_section": "II. Tập thể", "name": True, "born": time(7, 30),
                          "year": timedelta(hours=2)}))
    read.rows.append((10, {"_section": "", "name": Formula("=B2"), "born": None, "year": 3}))
    kept = Table.loads(read.dumps(), COLUMNS)
    assert kept == read
    assert [type(value) for _number, values in kept.rows for value in values.values()] == [
        type(value) for _number, values in read.rows for value in values.values()]
