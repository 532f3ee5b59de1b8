"""Draft of the year-end summary report (báo cáo tổng kết công tác thi đua, khen thưởng) as
DOCX: the year's figures beside the previous year's, and the narrative sections left empty for
officials to write."""
from collections import Counter
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from thidua.movements.models import Movement, MovementStatus, Registration
from thidua.nominations.states import State
from thidua.records.models import Exemplar

from .dashboard import award_type_names, nomination_batches
from .models import PersonCategory, Subject

NARRATIVE = gettext_lazy("[Phần này do cán bộ thi đua, khen thưởng soạn thảo.]")


def activity_figures(scope, year):
    """[(label, value)] of the year's movement and nomination activity in the scope."""
    launched = Movement.objects.in_scope(scope.units_q("launched_by__")).filter(
        start_date__year=year, status__in=[MovementStatus.LAUNCHED, MovementStatus.CLOSED])
    batches = nomination_batches(scope, year)
    exemplars = Exemplar.objects.in_scope(scope.units_q("unit__")).filter(found_on__year=year)
    return [
        (_("Phong trào thi đua được phát động"), launched.count()),
        (_("Đơn vị đăng ký thi đua"), Registration.objects.in_scope(
            scope.units_q("unit__")).filter(year=year).count()),
        (_("Tờ trình đề nghị khen thưởng"), batches.count()),
        (_("Tờ trình đã có quyết định"), batches.filter(state=State.DECIDED).count()),
        (_("Điển hình tiên tiến được phát hiện"), exemplars.count()),
    ]


def award_figures(scope, year):
    """[(label, this year, previous year)] of awards by type, and the totals by subject."""
    rows = scope.facts([year - 1, year]).group(["year", "award_type", "subject",
                                                "person_category"])
    by_type, by_subject = Counter(), Counter()
    for row in rows:
        by_type[(row["year"], row["award_type"])] += row["n"]
        if row["subject"] == Subject.INDIVIDUAL:
            key = "direct" if row["person_category"] == PersonCategory.DIRECT else "managers"
        else:
            key = "collectives"
        by_subject[(row["year"], key)] += row["n"]
    names = award_type_names()
    types = sorted({key[1] for key in by_type}, key=lambda pk: names.get(pk, ""))
    table = [(names.get(pk, pk), by_type[(year, pk)], by_type[(year - 1, pk)]) for pk in types]
    table.append((_("Tổng số"), sum(v for (y, _t), v in by_type.items() if y == year),
                  sum(v for (y, _t), v in by_type.items() if y == year - 1)))
    subjects = [(_("Tập thể, hộ gia đình"), "collectives"),
                (_("Cá nhân là người trực tiếp lao động, thành viên"), "direct"),
                (_("Cá nhân là cán bộ quản lý, lãnh đạo"), "managers")]
    return table, [(label, by_subject[(year, key)], by_subject[(year - 1, key)])
                   for label, key in subjects]


def _change(current, previous):
    if not previous:
        return "—"
    return f"{(current - previous) * 100 / previous:+.0f}%"


def _table(document, headers, rows):
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = str(text)
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def _centred(document, text, bold=False, size=13, italic=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    return paragraph


def _narrative(document, heading):
    document.add_paragraph(heading).runs[0].bold = True
    document.add_paragraph(str(NARRATIVE)).runs[0].italic = True


def docx_bytes(scope, year):
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    header = document.add_table(rows=1, cols=2)
    header.rows[0].cells[0].text = scope.organization.name.upper()
    header.rows[0].cells[1].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.rows[0].cells[1].add_paragraph(_("…, ngày … tháng … năm %(year)s") % {"year": year + 1})
    _centred(document, "BÁO CÁO", bold=True, size=14)
    _centred(document, _("Tổng kết công tác thi đua, khen thưởng năm %(year)s và phương hướng, "
                         "nhiệm vụ năm %(next)s") % {"year": year, "next": year + 1}, bold=True)
    _centred(document, _("(Dự thảo — số liệu lấy từ hệ thống, phạm vi: %(scope)s)") % {
        "scope": scope.label}, italic=True, size=12)
    document.add_paragraph(_("I. ĐẶC ĐIỂM, TÌNH HÌNH")).runs[0].bold = True
    document.add_paragraph(str(NARRATIVE)).runs[0].italic = True
    document.add_paragraph(_("II. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG")).runs[0].bold = True
    document.add_paragraph(_("1. Tổ chức các phong trào thi đua")).runs[0].bold = True
    current, previous = activity_figures(scope, year), activity_figures(scope, year - 1)
    headers = [_("Chỉ tiêu"), _("Năm %(year)s") % {"year": year},
               _("Năm %(year)s") % {"year": year - 1}, _("Tăng, giảm")]
    _table(document, headers, [(label, value, old, _change(value, old))
                               for (label, value), (_l, old) in zip(current, previous)])
    document.add_paragraph(str(NARRATIVE)).runs[0].italic = True
    document.add_paragraph(_("2. Công tác khen thưởng")).runs[0].bold = True
    by_type, by_subject = award_figures(scope, year)
    _table(document, [_("Danh hiệu, hình thức"), *headers[1:]],
           [(label, value, old, _change(value, old)) for label, value, old in by_type])
    document.add_paragraph(_("Khen thưởng theo đối tượng:"))
    _table(document, [_("Đối tượng"), *headers[1:]],
           [(label, value, old, _change(value, old)) for label, value, old in by_subject])
    document.add_paragraph(str(NARRATIVE)).runs[0].italic = True
    _narrative(document, _("III. ĐÁNH GIÁ CHUNG (ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm)"))
    _narrative(document, _("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM %(year)s") % {"year": year + 1})
    _narrative(document, _("V. ĐỀ XUẤT, KIẾN NGHỊ"))
    signature = document.add_table(rows=1, cols=2)
    signature.rows[0].cells[0].text = _("Nơi nhận:\n- …;\n- Lưu: VT.")
    signature.rows[0].cells[1].text = _("THỦ TRƯỞNG ĐƠN VỊ\n(Ký, họ tên, đóng dấu)")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
