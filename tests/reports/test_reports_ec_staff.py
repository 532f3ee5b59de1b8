"""Biểu 0604 and 0605 from the E&C departments and staff officials enter: hand-counted figures at
every band boundary, a departed person and a dissolved board left out, totals that agree, the
XLSX and PDF outputs, and the record pages' permissions and Vietnamese form errors."""
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from thidua.accounts.models import Role
from thidua.reports.models import ECDepartment, ECDepartmentLevel, ECStaffMember, TrainingLevel
from thidua.reports.scope import resolve
from thidua.reports.statutory.definitions import FORMS
from thidua.reports.statutory.render import pdf_bytes, xlsx_bytes
from thidua.reports.statutory.staffing import form_0604, form_0605

pytestmark = pytest.mark.django_db
T = TrainingLevel

# Huế's staff in 2025: (name, gender, birth year → age, training, E&C since → seniority).
HUE_STAFF = [
    ("Ánh", "FEMALE", 1995, T.UNIVERSITY, 2021),    # 30 → 02; 4 → 13
    ("Bình", "MALE", 1994, T.COLLEGE, 2020),        # 31 → 03; 5 → 14
    ("Chi", "FEMALE", 1985, T.POSTGRADUATE, 2016),  # 40 → 03; 9 → 14
    ("Dũng", "MALE", 1984, T.UNIVERSITY, 2015),     # 41 → 04; 10 → 15
    ("Em", "FEMALE", 1975, T.INTERMEDIATE, 2000),   # 50 → 04
    ("Phúc", "MALE", 1974, T.UNIVERSITY, 2010),     # 51 → 05
    ("Giang", "FEMALE", 1970, T.ELEMENTARY, 2005),  # 55 → 05
    ("Hải", "MALE", 1969, T.UNIVERSITY, 2005),      # 56 → 06
    ("Yến", "FEMALE", 1965, T.UNIVERSITY, 2000),    # 60 → 06
    ("Khoa", "MALE", 1964, T.UNIVERSITY, 1990),     # 61 → 07
]


def staff(unit, name, gender, birth, training, since, **fields):
    return ECStaffMember.objects.create(
        organization=unit, full_name=name, gender=gender, birth_year=birth,
        training_level=training, ec_since_year=since, start_year=fields.pop("start", since),
        **fields)


@pytest.fixture
def apparatus(network):
    for row in HUE_STAFF:
        staff(network.hue, *row)
    staff(network.hue, "Lan (đã chuyển công tác)", "FEMALE", 1980, T.UNIVERSITY, 2010,
          end_year=2024)
    staff(network.hanoi, "Nam Hà Nội", "MALE", 1980, T.UNIVERSITY, 2012)
    staff(network.vca, "Mai Trung ương", "FEMALE", 1990, T.POSTGRADUATE, 2014, start=2018)
    for unit, name, level, start, end in [
            (network.hue, "Phòng Thi đua – Khen thưởng", ECDepartmentLevel.HOME_AFFAIRS_DIVISION,
             2000, None),
            (network.hue, "Ban Thi đua – Khen thưởng (cũ)", ECDepartmentLevel.HOME_AFFAIRS_BOARD,
             2010, 2024),
            (network.hanoi, "Phòng Thi đua – Khen thưởng Hà Nội",
             ECDepartmentLevel.HOME_AFFAIRS_DIVISION, 2005, None),
            (network.vca, "Ban Thi đua – Khen thưởng", ECDepartmentLevel.DEPARTMENT, 1994, None),
            (network.vca, "Bộ phận Khen thưởng", ECDepartmentLevel.DEPARTMENT_DIVISION, 2020, None)]:
        ECDepartment.objects.create(organization=unit, name=name, level=level, start_year=start,
                                    end_year=end)
    return network


def values(form):
    return {row.code: row.values for row in form.rows if not row.is_heading}


def assert_groups_add_up(form, groups):
    table = values(form)
    for group in groups:
        for column in range(len(table["01"])):
            assert sum(table[code][column] for code in group) == table["01"][column], group
    assert all(row[1] <= row[0] for row in table.values())  # "Trong đó: Nữ" ≤ total


def test_0605_province_bands(apparatus, hue_officer):
    table = values(form_0605(resolve(hue_officer), 2025, 2025))
    assert table["01"] == [10, 5]  # Lan left in 2024; Hà Nội and the VCA are outside
    assert [table[c] for c in ("02", "03", "04", "05", "06", "07")] == [
        [1, 1], [2, 1], [2, 1], [2, 1], [2, 1], [1, 0]]
    assert [table[c] for c in ("08", "09", "10", "11", "12")] == [
        [1, 1], [1, 1], [1, 0], [6, 2], [1, 1]]
    assert [table[c] for c in ("13", "14", "15")] == [[1, 1], [2, 1], [7, 3]]


def test_0605_totals_agree(apparatus, vca_officer):
    form = form_0605(resolve(vca_officer), 2025, 2025)
    assert values(form)["01"] == [12, 6]  # the whole network
    assert_groups_add_up(form, [["02", "03", "04", "05", "06", "07"],
                                ["08", "09", "10", "11", "12"], ["13", "14", "15"]])
    assert [c.header for c in form.columns] == ["Tổng số", "Trong đó: Nữ"]
    assert not form.unit_column


def test_0605_counts_at_the_end_of_the_year(apparatus, hue_officer, vca_officer):
    scope = resolve(hue_officer)
    assert values(form_0605(scope, 2024, 2024))["01"] == [10, 5]  # gone by 31/12/2024
    earlier = values(form_0605(scope, 2023, 2023))
    assert earlier["01"] == [11, 6]  # Lan still there
    assert earlier["02"] == [2, 1]  # Ánh (28) and Bình (29) were 30 or younger
    assert values(form_0605(scope, 2015, 2019))["01"][0] == 9  # Ánh began in 2021: at 31/12/2019
    # Mai began E&C work in 2014 but joined the VCA in 2018: counted there from 2018 only.
    national = resolve(vca_officer)
    assert values(form_0605(national, 2017, 2017))["01"] == [10, 5]
    assert values(form_0605(national, 2018, 2018))["01"] == [11, 6]


def test_0604_by_level(apparatus, hue_officer, vca_officer):
    national = form_0604(resolve(vca_officer), 2025, 2025)
    assert values(national) == {"01": [4], "02": [1], "03": [1], "04": [0], "05": [2]}
    table = values(national)
    assert table["01"][0] == sum(table[c][0] for c in ("02", "03", "04", "05"))
    scope = resolve(hue_officer)
    assert values(form_0604(scope, 2025, 2025))["01"] == [1]  # the board was dissolved in 2024
    assert values(form_0604(scope, 2023, 2023))["04"] == [1]
    assert national.period_label == "Năm 2025"
    assert [row.unit for row in national.rows if row.code] == ["Tổ chức", "Vụ", "Phòng", "Ban",
                                                                "Phòng"]


def test_xlsx_and_pdf(apparatus, hue_officer):
    form = form_0605(resolve(hue_officer), 2025, 2025)
    sheet = load_workbook(BytesIO(xlsx_bytes(form))).active
    rows = list(sheet.iter_rows(values_only=True))
    texts = [cell for row in rows for cell in row if cell]
    assert "Biểu số: 0605.N/BNV-TĐKT" in texts and form.title in texts
    assert "Trong đó: Nữ" in texts and "Đơn vị tính" not in texts
    assert next(row for row in rows if row[1] == "01")[2:4] == (10, 5)
    assert next(row for row in rows if row[1] == "15")[2:4] == (7, 3)
    keys = next(row for row in rows if row[0] == "A")
    assert keys[:4] == ("A", "B", "1", "2")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf_bytes(form))).pages)
    assert "0605.N/BNV-TĐKT" in text and "Trên đại học" in text
    department_form = form_0604(resolve(hue_officer), 2025, 2025)
    sheet = load_workbook(BytesIO(xlsx_bytes(department_form))).active
    assert next(row for row in sheet.iter_rows(values_only=True) if row[1] == "05")[2:4] == (
        "Phòng", 1)


def test_statutory_page_offers_both(client, apparatus, hue_officer):
    assert {"0604", "0605"} <= set(FORMS)
    client.force_login(hue_officer)
    url = reverse("reports:statutory")
    page = client.get(url, {"form": "0605", "year_from": 2025, "year_to": 2025})
    assert page.status_code == 200 and "Trong đó: Nữ" in page.content.decode()
    pdf = client.get(url, {"form": "0604", "year_from": 2025, "year_to": 2025, "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")


# ---- record pages ------------------------------------------------------------------------------

def staff_post(unit, **changes):
    return {"organization": unit.pk, "full_name": "Trần Thị Hoa", "gender": "FEMALE",
            "birth_year": "1988", "training_level": "UNIVERSITY", "ec_since_year": "2012",
            "start_year": "", "end_year": "", "person": "", **changes}


def test_officer_keeps_own_records(client, apparatus, hue_officer):
    client.force_login(hue_officer)
    form = client.get(reverse("reports:ec_staff_create")).content.decode()
    assert apparatus.hue.name in form and apparatus.hanoi.name not in form
    assert "Năm sinh" in form and "Trên đại học" in form
    listing = client.get(reverse("reports:ec_staff_list")).content.decode()
    assert "Ánh" in listing and "Nam Hà Nội" not in listing and "Mai Trung ương" not in listing
    response = client.post(reverse("reports:ec_staff_create"), staff_post(apparatus.hue))
    assert response.status_code == 302
    created = ECStaffMember.objects.get(full_name="Trần Thị Hoa")
    assert created.start_year == 2012  # blank: the year E&C work began
    edit = reverse("reports:ec_staff_edit", args=[created.pk])
    assert client.post(edit, staff_post(apparatus.hue, end_year="2026")).status_code == 302
    created.refresh_from_db()
    assert created.end_year == 2026 and created.history.count() == 2
    page = client.get(edit).content.decode()
    assert "Lịch sử thay đổi" in page and "2026" in page
    delete = reverse("reports:ec_staff_delete", args=[created.pk])
    assert "Xóa “Trần Thị Hoa”?" in client.get(delete).content.decode()
    assert client.post(delete).status_code == 302
    assert not ECStaffMember.objects.filter(pk=created.pk).exists()


def test_department_pages(client, apparatus, hue_officer):
    client.force_login(hue_officer)
    response = client.post(reverse("reports:ec_department_create"), {
        "organization": apparatus.hue.pk, "name": "Phòng Khen thưởng", "level":
        "HOME_AFFAIRS_DIVISION", "start_year": "2025", "end_year": ""})
    assert response.status_code == 302
    listing = client.get(reverse("reports:ec_department_list"), {"year": 2025}).content.decode()
    assert "Phòng Khen thưởng" in listing and "(cũ)" not in listing  # the board ended in 2024
    export = client.get(reverse("reports:ec_department_list"), {"format": "xlsx"})
    texts = [c for row in load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True)
             for c in row]
    assert "Phòng Khen thưởng" in texts and "Phòng Thi đua – Khen thưởng Hà Nội" not in texts


def test_other_province_is_not_found(client, apparatus, hue_officer):
    client.force_login(hue_officer)
    hanoi = ECStaffMember.objects.get(full_name="Nam Hà Nội")
    department = ECDepartment.objects.get(organization=apparatus.hanoi)
    for name, pk in [("reports:ec_staff_edit", hanoi.pk), ("reports:ec_staff_delete", hanoi.pk),
                     ("reports:ec_department_edit", department.pk),
                     ("reports:ec_department_delete", department.pk)]:
        assert client.get(reverse(name, args=[pk])).status_code == 404
        assert client.post(reverse(name, args=[pk])).status_code == 404
    assert ECStaffMember.objects.filter(pk=hanoi.pk).exists()
    response = client.post(reverse("reports:ec_staff_create"), staff_post(apparatus.hanoi))
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not ECStaffMember.objects.filter(full_name="Trần Thị Hoa").exists()


def test_readers_and_cooperatives_may_not_create(client, apparatus, make_user):
    viewer = make_user(Role.VIEWER, apparatus.hue)
    client.force_login(viewer)
    assert client.get(reverse("reports:ec_staff_create")).status_code == 403
    assert "Ánh" not in client.get(reverse("reports:ec_staff_list")).content.decode()
    coop_officer = make_user(Role.EC_OFFICER, apparatus.hue_coop)
    client.force_login(coop_officer)  # a cooperative files no Biểu 0605
    assert client.get(reverse("reports:ec_department_create")).status_code == 403


def test_anonymous_goes_to_login(client, apparatus):
    for name in ("reports:ec_staff_list", "reports:ec_staff_create", "reports:ec_department_list"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    pk = ECStaffMember.objects.first().pk
    assert client.post(reverse("reports:ec_staff_delete", args=[pk])).status_code == 302
    assert ECStaffMember.objects.filter(pk=pk).exists()


@pytest.mark.parametrize("changes, message", [
    ({"birth_year": "abc"}, "Hãy ghi năm bằng chữ số, ví dụ 1985."),
    ({"birth_year": "2020"}, "Năm sinh không hợp lệ: công chức phải đủ 16 tuổi."),
    ({"birth_year": "1800"}, "Năm phải từ 1940 trở về sau."),
    ({"ec_since_year": "1995"}, "phải sau năm sinh ít nhất 16 năm"),
    ({"ec_since_year": "2999"}, "Năm không được sau 2100."),
    ({"start_year": "2010"}, "Năm về đơn vị không được trước năm bắt đầu"),
    ({"start_year": "2020", "end_year": "2019"}, "Năm kết thúc phải bằng hoặc sau năm bắt đầu."),
    ({"full_name": "", "training_level": "PHD"}, "Trường này là bắt buộc."),
])
def test_bad_input_is_explained(client, apparatus, hue_officer, changes, message):
    client.force_login(hue_officer)
    response = client.post(reverse("reports:ec_staff_create"), staff_post(apparatus.hue, **changes))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body and "Chưa lưu được" in body
    assert not ECStaffMember.objects.filter(full_name="Trần Thị Hoa").exists()


def test_demo_data_loads_once(network, vca_officer):
    from collections import Counter

    from thidua.demo import ec_staff

    first, second = Counter(), Counter()
    ec_staff.load(network.actor, first)
    ec_staff.load(network.actor, second)
    assert first == {"ec_departments": 3, "ec_staff": 7} and not second
    assert ECStaffMember.objects.first().history.first().history_user == network.actor
    assert values(form_0605(resolve(vca_officer), 2025, 2025))["01"] == [6, 3]  # Linh left
    assert values(form_0605(resolve(vca_officer), 2023, 2023))["01"] == [7, 4]


# ---- Excel import of staff ---------------------------------------------------------------------

def staff_workbook(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Trình độ đào tạo",
                        "Năm bắt đầu làm công tác TĐKT", "Năm về đơn vị",
                        "Năm thôi làm công tác TĐKT"])
    for number, row in enumerate(rows, start=1):
        book.active.append([number, *row])
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("can-bo.xlsx", buffer.getvalue())


@pytest.fixture
def staging_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, unit, rows):
    url = reverse("reports:ec_staff_import", args=[unit.pk])
    response = client.post(url, {"kind": "cong-chuc-tdkt", "file": staff_workbook(rows)})
    if response.status_code == 200 and "confirm" in response.context:
        return client.post(url, response.context["confirm"].initial)
    return response


def test_import_all_rows(client, apparatus, hue_officer, staging_dir):
    client.force_login(hue_officer)
    assert client.get(reverse("reports:ec_staff_import_start")).status_code == 302
    response = upload(client, apparatus.hue, [
        ("Ngô Thị Thảo", "NU", 1991, "Đại học", 2016, None, None),
        ("Đặng Văn Sơn", "Nam", 1970, "Trên đại học", 1999, 2005, 2024)])
    assert response.status_code == 302
    added = ECStaffMember.objects.filter(organization=apparatus.hue,
                                         full_name__in=["Ngô Thị Thảo", "Đặng Văn Sơn"])
    assert {(m.full_name, m.gender, m.start_year, m.end_year) for m in added} == {
        ("Ngô Thị Thảo", "FEMALE", 2016, None), ("Đặng Văn Sơn", "MALE", 2005, 2024)}
    assert values(form_0605(resolve(hue_officer), 2025, 2025))["01"] == [11, 6]


def test_import_rejects_the_whole_file(client, apparatus, hue_officer, staging_dir):
    client.force_login(hue_officer)
    before = ECStaffMember.objects.count()
    response = upload(client, apparatus.hue, [
        ("Ngô Thị Thảo", "Nữ", 1991, "Đại học", 2016, None, None),
        ("Bùi Văn Tài", "Nam", "năm 80", "Tiến sĩ", 2010, None, None),
        ("Ánh", "Nữ", 1995, "Đại học", 2021, None, None)])  # already on the list
    body = response.content.decode()
    assert response.status_code == 200 and ECStaffMember.objects.count() == before
    assert "Dòng 3" in body and "không phải năm hợp lệ" in body and "Tiến sĩ" in body
    assert "đã có trong hệ thống" in body
    hanoi = reverse("reports:ec_staff_import", args=[apparatus.hanoi.pk])
    assert client.get(hanoi).status_code == 403
