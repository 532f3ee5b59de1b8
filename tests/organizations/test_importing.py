"""Excel import of units and people: workbooks are built in memory with openpyxl."""
import io
import threading
import zipfile
from datetime import date, datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from thidua.accounts.models import Role
from thidua.audit.models import Action, AuditEntry
from thidua.core import crypto, xlsx_import
from thidua.organizations import services, unit_scope
from thidua.organizations.importing import PersonSpec
from thidua.organizations.models import Employment, Organization, Person

ORG_HEADERS = ["Mã đơn vị*", "Tên đơn vị*", "Loại hình*", "Mã đơn vị cấp trên", "Mã tỉnh",
               "Mã xã/phường", "Ngày thành lập", "HTX kiểu mới"]
PERSON_HEADERS = ["Họ*", "Tên đệm", "Tên*", "Giới tính*", "Ngày sinh", "Dân tộc", "Số CCCD",
                  "Mã đơn vị*", "Chức vụ", "Đối tượng*", "Loại thành viên", "Trực tiếp sản xuất",
                  "Từ ngày"]
HUE_WARD, HANOI_WARD = 19815, 4  # Phường An Cựu (Huế), Phường Ba Đình (Hà Nội)


def xlsx_file(headers, rows, title=None, merge=(), name="nhap.xlsx"):
    """An upload whose first sheet has an optional merged title and a blank row above the header;
    ``merge`` lists extra ranges such as "H2:H3"."""
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for cells in merge:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def person_row(family="Nguyễn", given="Lan", unit="P46-HTX01", citizen_id="", birth="05/06/1990",
               **extra):
    row = {"Họ*": family, "Tên đệm": "Thị", "Tên*": given, "Giới tính*": "Nữ", "Ngày sinh": birth,
           "Dân tộc": "", "Số CCCD": citizen_id, "Mã đơn vị*": unit, "Chức vụ": "Kế toán",
           "Đối tượng*": "Thành viên", "Loại thành viên": "", "Trực tiếp sản xuất": "Có",
           "Từ ngày": "01/01/2020", **extra}
    return [row[header] for header in PERSON_HEADERS]


@pytest.fixture
def officer(network, make_user):
    return make_user(Role.EC_OFFICER, network.hue)


@pytest.fixture
def upload(client, network, officer):
    client.force_login(officer)

    def post(kind, file, unit=None):
        url = reverse("organizations:import", args=[(unit or network.hue).pk])
        return confirmed(client, url, client.post(url, {"kind": kind, "file": file}))

    return post


def confirmed(client, url, response):
    """Confirm the preview a clean upload shows; a rejected upload is returned as it is."""
    if response.status_code == 200 and "confirm" in response.context:
        return client.post(url, response.context["confirm"].initial)
    return response


def errors(response):
    assert response.status_code == 200
    return response.context["errors"]


def test_page_offers_a_template_per_kind(client, network, officer):
    client.force_login(officer)
    page = client.get(reverse("organizations:import", args=[network.hue.pk]))
    assert page.status_code == 200
    for kind, header, listed in [("don-vi", "Mã đơn vị*", ["Hợp tác xã", "Nông nghiệp"]),
                                 ("ca-nhan", "Họ*", ["Kinh", "Tày", "Nữ", "Cán bộ"])]:
        url = reverse("organizations:import_template", args=[network.hue.pk, kind])
        assert url in page.content.decode()
        response = client.get(url)
        assert response.status_code == 200
        book = load_workbook(io.BytesIO(response.content))
        assert book.sheetnames == ["Danh sách", "Hướng dẫn"]
        assert book.worksheets[0]["A1"].value == header
        guide = {cell for row in book["Hướng dẫn"].iter_rows(values_only=True) for cell in row}
        assert set(listed) <= guide
    missing = reverse("organizations:import_template", args=[network.hue.pk, "khac"])
    assert client.get(missing).status_code == 404


def test_imports_organisations_with_history(upload, network, officer):
    response = upload("don-vi", xlsx_file(ORG_HEADERS, [
        ["P46-HTX10", "HTX Thủy Phương", "Hợp tác xã", "", 46, HUE_WARD, "01/02/2020", "Có"],
        ["P46-THT11", "Tổ hợp tác rau sạch", "COOPERATIVE_GROUP", "P46-HTX10", None, None,
         datetime(2021, 3, 4), "Không"],
        ["P46-QTD12", "Quỹ tín dụng Điện Hòa", "quy tin dung nhan dan", "P46-HTX01", "", "", "", ""],
    ]))
    assert response.status_code == 302 and response.url == network.hue.get_absolute_url()
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Đã nhập 3 đơn vị."]
    first, group, fund = (Organization.objects.get(code=code)
                          for code in ("P46-HTX10", "P46-THT11", "P46-QTD12"))
    assert Organization.objects.get_parent(first) == network.hue and first.kind == "COOPERATIVE"
    assert (first.province_code, first.ward_code, first.ward_name) == (46, HUE_WARD, "Phường An Cựu")
    assert first.founding_date == date(2020, 2, 1) and first.is_new_model
    assert Organization.objects.get_parent(group) == first and group.founding_date == date(2021, 3, 4)
    assert Organization.objects.get_parent(fund) == network.hue_coop and fund.kind == "CREDIT_FUND"
    assert {o.history.get().history_user for o in (first, group, fund)} == {officer}


def test_imports_people_with_history(upload, network, officer):
    response = upload("ca-nhan", xlsx_file(PERSON_HEADERS, [
        person_row(citizen_id="001190012345"),
        person_row("Hồ", "Nam", "P46-HTX02", birth=date(1985, 1, 1), **{
            "Giới tính*": "nam", "Dân tộc": "Tày", "Đối tượng*": "STAFF", "Chức vụ": "",
            "Trực tiếp sản xuất": "", "Từ ngày": ""}),
        person_row("Lê", "Hà", **{"Đối tượng*": "Viên chức", "Dân tộc": "Khơ me"}),
        person_row("Trần", "Bình", **{"Loại thành viên": "Thành viên liên kết góp vốn"}),
    ]))
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Đã nhập 4 cá nhân."]
    binh = Person.objects.get(given_name="Bình", family_name="Trần").employments.get()
    assert (binh.category, binh.membership) == ("MEMBER", "ASSOC_CAP")  # Luật HTX 2023
    ha = Person.objects.get(given_name="Hà", family_name="Lê")
    assert (ha.ethnicity, ha.employments.get().category) == ("05", "OFFICIAL")
    lan = Person.objects.get(citizen_id_digest=crypto.digest("001190012345"))
    nam = Person.objects.get(given_name="Nam", family_name="Hồ")
    assert (lan.gender, lan.birth_date, lan.ethnicity) == ("FEMALE", date(1990, 6, 5), "01")
    assert (nam.gender, nam.ethnicity, nam.citizen_id) == ("MALE", "02", "")
    lan_job, nam_job = lan.employments.get(), nam.employments.get()
    assert (lan_job.organization, lan_job.category, lan_job.membership, lan_job.is_direct_worker,
            lan_job.start_date) == (network.hue_coop, "MEMBER", "OFFICIAL", True, date(2020, 1, 1))
    assert (nam_job.organization, nam_job.category, nam_job.start_date) == (
        network.hue_coop2, "STAFF", None)
    for record in (lan, nam, lan_job, nam_job):
        assert record.history.get().history_user == officer


def test_one_bad_row_writes_nothing_and_keeps_the_kind(upload):
    before = Organization.objects.count()
    response = upload("don-vi", xlsx_file(ORG_HEADERS, [
        ["P46-A", "HTX A", "Hợp tác xã"],
        ["P46-B", "HTX B", "Công ty"],
        ["P46-C", "", "Hợp tác xã", "", "", "", "31/02/2020", "Có"],
    ]))
    assert errors(response) == [
        "Dòng 3: Loại hình “Công ty” không có trong danh sách cho phép (xem trang Hướng dẫn của "
        "tệp mẫu).",
        "Dòng 4: Tên đơn vị không được để trống.",
        "Dòng 4: Ngày thành lập “31/02/2020” không phải ngày hợp lệ; hãy ghi dạng dd/mm/yyyy.",
    ]
    assert Organization.objects.count() == before
    assert response.context["form"]["kind"].value() == "don-vi"
    assert 'value="don-vi" class="form-check-input" id="id_kind_0" required checked' in response.content.decode()


def test_people_errors_are_all_listed_and_nothing_written(upload, today):
    before = Person.objects.count()
    response = upload("ca-nhan", xlsx_file(PERSON_HEADERS, [
        person_row(citizen_id="00119001234"),
        person_row(birth=(today + timedelta(days=3)).strftime("%d/%m/%Y")),
        person_row(**{"Đối tượng*": "Khách mời", "Từ ngày": "32/13/2020"}),
        person_row(),
        person_row(citizen_id=46090000001),
        person_row("Võ", "Tâm", **{"Đối tượng*": "Người lao động",
                                   "Loại thành viên": "Thành viên liên kết không góp vốn"}),
    ]))
    assert errors(response) == [
        "Dòng 2: Số CCCD phải gồm 12 chữ số.",
        "Dòng 3: Ngày sinh không được ở tương lai.",
        "Dòng 4: Đối tượng “Khách mời” không có trong danh sách cho phép (xem trang Hướng dẫn "
        "của tệp mẫu).",
        "Dòng 4: Từ ngày “32/13/2020” không phải ngày hợp lệ; hãy ghi dạng dd/mm/yyyy.",
        "Dòng 6: Số CCCD phải gồm 12 chữ số (ô đang ở kiểu Số nên Excel đã bỏ số 0 ở đầu; hãy "
        "đổi cột sang kiểu Văn bản).",
        "Dòng 7: Loại thành viên: Chỉ ghi loại thành viên khi đối tượng là thành viên.",
    ]
    assert Person.objects.count() == before
    assert response.context["form"]["kind"].value() == "ca-nhan"


def test_wrong_headers_give_one_error_naming_the_columns(upload):
    response = upload("don-vi", xlsx_file(["Mã đơn vị", "Tên gọi", "Loại hình"],
                                          [["P46-A", "HTX A", "Hợp tác xã"]]))
    assert errors(response) == [
        "Tiêu đề cột ở dòng 1 không khớp mẫu. Thiếu cột bắt buộc: Tên đơn vị. Cột không nhận ra "
        "hoặc bị lặp: Tên gọi. Hãy dùng tệp mẫu, giữ nguyên tiêu đề cột."]
    people_file = xlsx_file(PERSON_HEADERS, [person_row()])
    message = errors(upload("don-vi", people_file))[0]
    assert "Thiếu cột bắt buộc: Tên đơn vị, Loại hình. Cột không nhận ra hoặc bị lặp: Họ*," in message


def test_title_row_blank_rows_and_loose_headers(upload, network):
    headers = ["STT", " mã  ĐƠN VỊ ", "Ten don vi", "LOẠI HÌNH *"]
    rows = [[1, "P46-A", "HTX A", "Hợp tác xã"], [2, None, None, None], [3, "P46-B", "HTX B", "Tổ"]]
    title = "DANH SÁCH ĐƠN VỊ"
    assert errors(upload("don-vi", xlsx_file(headers, rows, title=title))) == [
        "Dòng 6: Loại hình “Tổ” không có trong danh sách cho phép (xem trang Hướng dẫn của tệp "
        "mẫu)."]
    rows[2][3] = "Tổ hợp tác"
    response = upload("don-vi", xlsx_file(headers, rows, title=title))
    assert response.status_code == 302
    for code in ("P46-A", "P46-B"):
        assert Organization.objects.get_parent(Organization.objects.get(code=code)) == network.hue


def test_merged_cells_lend_their_value_to_every_row(upload, network):
    response = upload("ca-nhan", xlsx_file(PERSON_HEADERS, [
        person_row(given="An"), person_row(given="Bình", unit=None)], merge=["H2:H3"]))
    assert response.status_code == 302
    for given in ("An", "Bình"):
        assert Person.objects.get(given_name=given).employments.get().organization == network.hue_coop


@pytest.mark.parametrize("content", [
    b"Ma don vi,Ten don vi\nP46-A,HTX A\n",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,  # a legacy .xls renamed
    "zip",
])
def test_content_that_is_not_xlsx_is_refused(upload, content):
    if content == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "not a workbook")
        content = buffer.getvalue()
    response = upload("don-vi", SimpleUploadedFile("don-vi.xlsx", content))
    assert errors(response) == ["Tệp không phải bảng tính Excel .xlsx. Hãy mở tệp bằng Excel và "
                                "lưu lại dạng “Excel Workbook (.xlsx)”."]


@override_settings(THIDUA_IMPORT_MAX_BYTES=1000)
def test_too_big_file_is_refused(upload):
    response = upload("don-vi", xlsx_file(ORG_HEADERS, [["P46-A", "HTX A", "Hợp tác xã"]]))
    assert errors(response)[0].startswith("Tệp quá lớn")


def test_duplicate_codes_in_file_and_in_database(upload):
    response = upload("don-vi", xlsx_file(ORG_HEADERS, [
        ["P46-NEW", "HTX mới", "Hợp tác xã"],
        ["P46-NEW", "HTX mới lặp", "Hợp tác xã"],
        ["P46-HTX01", "HTX đã có", "Hợp tác xã"],
    ]))
    assert errors(response) == ["Dòng 3: Mã đơn vị P46-NEW trùng với dòng 2.",
                                "Dòng 4: Mã đơn vị P46-HTX01 đã có trong hệ thống."]
    assert not Organization.objects.filter(code="P46-NEW").exists()


def test_duplicate_citizen_ids_in_file_and_in_database(upload, network):
    network.person("Võ", "", "Hà", network.hue_coop, citizen_id="046090000001")
    response = upload("ca-nhan", xlsx_file(PERSON_HEADERS, [
        person_row(citizen_id="046090000001"),
        person_row(citizen_id="046090000002"),
        person_row(citizen_id="046090000002"),
    ]))
    assert errors(response) == ["Dòng 2: Số CCCD ********0001 đã có trong hệ thống.",
                                "Dòng 4: Số CCCD ********0002 trùng với dòng 3."]


def test_unknown_ward_and_ward_of_another_province(upload):
    response = upload("don-vi", xlsx_file(ORG_HEADERS, [
        ["P46-A", "HTX A", "Hợp tác xã", "", 46, 99999999],
        ["P46-B", "HTX B", "Hợp tác xã", "", 46, HANOI_WARD],
        ["P46-C", "HTX C", "Hợp tác xã", "", 99],
    ]))
    assert errors(response) == [
        "Dòng 2: Mã xã/phường 99999999 không có trong danh mục xã, phường.",
        f"Dòng 3: Mã xã/phường {HANOI_WARD} không thuộc tỉnh, thành phố có mã 46.",
        "Dòng 4: Mã tỉnh “99” không có trong danh sách cho phép (xem trang Hướng dẫn của tệp "
        "mẫu).",
    ]


def test_parent_and_unit_must_be_in_scope(upload, network):
    scope = "không thuộc phạm vi Liên minh Hợp tác xã Thành phố Huế."
    response = upload("don-vi", xlsx_file(ORG_HEADERS, [
        ["P46-A", "HTX A", "Hợp tác xã", "P01-HTX01"],
        ["P46-B", "HTX B", "Hợp tác xã", "P46-C"],
        ["P46-C", "HTX C", "Hợp tác xã", "KHONG-CO"],
    ]))
    assert errors(response) == [
        f"Dòng 2: Mã đơn vị cấp trên P01-HTX01 {scope}",
        "Dòng 3: Mã đơn vị cấp trên P46-C là đơn vị ở dòng phía dưới; hãy đưa dòng của đơn vị cấp "
        "trên lên trước.",
        "Dòng 4: Mã đơn vị cấp trên KHONG-CO không có trong hệ thống.",
    ]
    response = upload("ca-nhan", xlsx_file(PERSON_HEADERS, [person_row(unit="P01-HTX01")]))
    assert errors(response) == [f"Dòng 2: Mã đơn vị P01-HTX01 {scope}"]


def test_unit_outside_the_url_subtree_is_refused_even_to_a_superuser(client, network, root_user):
    client.force_login(root_user)
    response = client.post(reverse("organizations:import", args=[network.hue.pk]), {
        "kind": "ca-nhan", "file": xlsx_file(PERSON_HEADERS, [person_row(unit="P01-HTX01")])})
    assert errors(response) == [
        "Dòng 2: Mã đơn vị P01-HTX01 không thuộc phạm vi Liên minh Hợp tác xã Thành phố Huế."]


@pytest.mark.parametrize("role, unit", [(Role.EC_OFFICER, "hanoi"), (Role.VIEWER, "hue"),
                                        (Role.UNIT_REPORTER, "hue")])
def test_only_network_editors_of_the_unit_may_import(client, network, make_user, role, unit):
    client.force_login(make_user(role, getattr(network, unit)))
    page = reverse("organizations:import", args=[network.hue.pk])
    assert client.get(page).status_code == 403
    assert client.post(page, {"kind": "don-vi", "file": xlsx_file(
        ORG_HEADERS, [["P46-A", "HTX A", "Hợp tác xã"]])}).status_code == 403
    template = reverse("organizations:import_template", args=[network.hue.pk, "don-vi"])
    assert client.get(template).status_code == 403
    assert not Organization.objects.filter(code="P46-A").exists()


def test_anonymous_user_is_sent_to_login(client, network):
    response = client.get(reverse("organizations:import", args=[network.hue.pk]))
    assert response.status_code == 302 and "next=" in response.url


def test_people_come_in_at_once_with_their_audit_entries_and_unit_scope(upload, network):
    """The rows are written together (``services.create_people``), each person and job with the
    audit entry and the unit scope a single save would have given them."""
    response = upload("ca-nhan", xlsx_file(PERSON_HEADERS, [
        person_row(given=f"Lan {n}", birth=f"{n:02}/06/1990") for n in range(1, 4)]))
    assert response.status_code == 302
    people = Person.objects.filter(given_name__startswith="Lan ").order_by("given_name")
    assert [p.full_name for p in people] == ["Nguyễn Thị Lan 1", "Nguyễn Thị Lan 2",
                                             "Nguyễn Thị Lan 3"]
    scopes = [p.unit_scope for p in people]
    unit_scope.refresh([p.pk for p in people])
    assert scopes == [p.unit_scope for p in people.all()] == [
        sorted([network.vca.pk, network.hue.pk, network.hue_coop.pk])] * 3
    assert people[0].search_text == "nguyen thi lan 1"
    for model, rows in (("organizations.Person", people),
                        ("organizations.Employment", Employment.objects.filter(person__in=people))):
        assert set(AuditEntry.objects.filter(model=model, action=Action.CREATE).values_list(
            "object_id", flat=True)) >= {str(row.pk) for row in rows}


def test_a_citizen_id_taken_between_preview_and_confirm_names_its_row(client, network, officer):
    """The confirmation checks the previewed rows again: someone given the same citizen ID in
    the meantime stops the import, on that row, and nothing is written."""
    client.force_login(officer)
    url = reverse("organizations:import", args=[network.hue.pk])
    preview = client.post(url, {"kind": "ca-nhan", "file": xlsx_file(PERSON_HEADERS, [
        person_row(given="Hoa"), person_row(citizen_id="001190012345")])})
    taken = Person(family_name="Lê", given_name="Văn", gender="MALE")
    taken.citizen_id = "001190012345"
    services.create_person(officer, taken, Employment(organization=network.hue_coop2,
                                                      category="STAFF"))
    response = client.post(url, preview.context["confirm"].initial)
    assert [error.split(":")[0] for error in errors(response)] == ["Dòng 3"]
    assert not Person.objects.filter(given_name="Hoa").exists()


def test_model_checks_name_the_column_and_permission_gaps_roll_back(client, network, make_user):
    """An officer of Huế alone (not its subtree) may import into Huế, but not under a unit the
    same file creates: the service refuses at write time and the rows before are rolled back."""
    client.force_login(make_user(Role.EC_OFFICER, network.hue, include_descendants=False))
    url = reverse("organizations:import", args=[network.hue.pk])
    headers = ["Mã đơn vị", "Tên đơn vị", "Loại hình", "Mã đơn vị cấp trên", "Mã số thuế", "Email"]
    response = client.post(url, {"kind": "don-vi", "file": xlsx_file(headers, [
        ["P46-A", "HTX A", "Viên chức"], ["P46-B", "HTX B", "Hợp tác xã", "", "123", "thu@"]])})
    assert errors(response) == [
        "Dòng 2: Loại hình “Viên chức” không có trong danh sách cho phép (xem trang Hướng dẫn của "
        "tệp mẫu).",
        "Dòng 3: Mã số thuế gồm 10 chữ số, chi nhánh thêm -3 chữ số (0101234567-001).",
        "Dòng 3: Email: Nhập địa chỉ email.",
    ]
    response = confirmed(client, url, client.post(url, {"kind": "don-vi", "file": xlsx_file(headers, [
        ["P46-A", "HTX A", "Hợp tác xã"], ["P46-B", "HTX B", "Liên hiệp hợp tác xã", "P46-A"]])}))
    assert errors(response) == [
        "Dòng 3: Bạn không có quyền thực hiện thao tác này."]
    assert not Organization.objects.filter(code__in=["P46-A", "P46-B"]).exists()


def test_reimporting_people_without_citizen_ids_changes_nothing(client, upload, network):
    """Without a citizen ID the same person is told by (name, birth date, unit): the second import
    of one file links every row to the person already there and creates no one."""
    rows = [person_row(given=f"Lan {n}", birth=f"0{n}/06/1990") for n in range(1, 6)]
    assert upload("ca-nhan", xlsx_file(PERSON_HEADERS, rows)).status_code == 302
    count = Person.objects.count()
    url = reverse("organizations:import", args=[network.hue.pk])
    preview = client.post(url, {"kind": "ca-nhan", "file": xlsx_file(PERSON_HEADERS, rows)})
    first = Person.objects.get(given_name="Lan 1")
    assert (f"đã có Nguyễn Thị Lan 1 (#{first.pk}, cùng họ tên, ngày sinh, đơn vị): bỏ qua dòng "
            "này — không tạo mới, không sửa người đã có") in preview.content.decode()
    confirmed(client, url, preview)
    assert Person.objects.count() == count


def test_a_likely_duplicate_can_be_created_anyway_and_in_file_twins_are_refused(upload, network):
    headers = PERSON_HEADERS + ["Tạo mới dù trùng"]
    network.person("Nguyễn", "Thị", "Lan", network.hue_coop)  # born 17/05/1980
    response = upload("ca-nhan", xlsx_file(headers, [
        person_row(birth="17/05/1980") + ["Có"], person_row(given="Hoa") + [""],
        person_row(given="Hoa", family="NGUYỄN") + [""]]))
    assert errors(response) == ["Dòng 4: Tên NGUYỄN Thị Hoa (P46-HTX01) trùng với dòng 3."]
    response = upload("ca-nhan", xlsx_file(headers, [person_row(birth="17/05/1980") + ["Có"]]))
    assert response.status_code == 302
    assert Person.objects.filter(given_name="Lan", birth_date="1980-05-17").count() == 2


def test_the_confirmation_checks_the_database_again_but_not_the_previewed_cells(
        client, network, officer, monkeypatch):
    """Between preview and confirmation someone registers the file's citizen ID: the
    confirmation refuses the row and writes nothing. The cells themselves, kept on the server
    since the preview, are not put through the model's field checks a second time."""
    client.force_login(officer)
    url = reverse("organizations:import", args=[network.hue.pk])
    preview = client.post(url, {"kind": "ca-nhan", "file": xlsx_file(PERSON_HEADERS, [
        person_row(given="Hoa"), person_row(citizen_id="046090000001")])})
    assert preview.context["preview"].ok
    network.person("Võ", "", "Hà", network.hue_coop, citizen_id="046090000001")

    def checked_again(person, exclude=None):
        fields = {field.name for field in person._meta.fields}
        assert fields <= set(exclude or ()), "a previewed row's cells were checked again"

    monkeypatch.setattr(Person, "clean_fields", checked_again)
    response = client.post(url, preview.context["confirm"].initial)
    assert errors(response) == ["Dòng 3: Số CCCD ********0001 đã có trong hệ thống."]
    assert not Person.objects.filter(given_name="Hoa").exists()


@pytest.mark.django_db(transaction=True)
def test_parallel_confirms_of_one_file_create_each_person_once(network, make_user):
    """Twenty officers confirm the same ten-row file at once (each in its own thread and
    database connection): the unit's row lock makes each import wait for the one before and
    then keep the people it created, so ten people exist, not 190."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is shared between threads through one "
                    "cache whose table locks fail instead of waiting; there BEGIN IMMEDIATE "
                    "(settings.py) serialises writers. Run on PostgreSQL (DATABASE_URL).")
    officer = make_user(Role.EC_OFFICER, network.hue)
    rows = [person_row(given=f"Lan {n}", birth=f"{n:02}/06/1990") for n in range(1, 11)]
    table = xlsx_import.preview(PersonSpec(network.hue, officer),
                                xlsx_file(PERSON_HEADERS, rows).read()).table
    start, outcomes = threading.Barrier(20), []

    def confirm():
        try:
            start.wait()
            outcomes.append(xlsx_import.commit(PersonSpec(network.hue, officer), table))
        except Exception as error:  # noqa: BLE001 — reported below with the others
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [10] * 20
    made = Person.objects.filter(given_name__startswith="Lan ", employments__organization=network.hue_coop)
    assert made.count() == 10


def test_members_who_represent_a_household_or_a_legal_person(upload, network):
    """Luật HTX 2023: a member may be a household, a cooperative group or a legal person, acting
    through the person on the row; its name is required then, refused for a member in their own
    name, and the whole file waits until every row is right."""
    headers = [*PERSON_HEADERS, "Thành viên là", "Tên hộ, tổ hợp tác, pháp nhân"]

    def row(given, kind, represents):
        return [*person_row("Phan", given), kind, represents]

    bad = upload("ca-nhan", xlsx_file(headers, [
        row("An", "Hộ gia đình", ""), row("Bảo", "", "Công ty TNHH Bảo An")]))
    assert errors(bad) == [
        "Dòng 2: Tên hộ, tổ hợp tác, pháp nhân: Ghi tên hộ gia đình mà người này đại diện.",
        "Dòng 3: Tên hộ, tổ hợp tác, pháp nhân: Thành viên là cá nhân thì không ghi tên hộ, tổ "
        "hợp tác, pháp nhân."]
    assert not Person.objects.filter(family_name="Phan").exists()

    upload("ca-nhan", xlsx_file(headers, [
        row("An", "Hộ gia đình", "Hộ ông Phan Văn An"), row("Bảo", "Pháp nhân", "Công ty TNHH Bảo An"),
        row("Cúc", "", "")]))
    jobs = {job.person.given_name: job for job in Employment.objects.filter(
        person__family_name="Phan").select_related("person")}
    assert (jobs["An"].member_kind, jobs["An"].represents) == ("HOUSEHOLD", "Hộ ông Phan Văn An")
    assert jobs["An"].get_standing_display() == (
        "Thành viên chính thức, đại diện Hộ ông Phan Văn An (hộ gia đình)")
    assert jobs["Bảo"].member_kind == "LEGAL" and jobs["Cúc"].member_kind == "PERSON"
    assert jobs["Cúc"].get_standing_display() == "Thành viên chính thức"
