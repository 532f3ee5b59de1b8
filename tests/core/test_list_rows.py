"""The rows of the people, unit and tờ trình lists come from Jinja2 row templates
(thidua/core/jinja.py): escaped, in the reader's language, with the same cells as before."""
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core.jinja import dmy
from thidua.nominations.models import NominationBatch
from thidua.nominations.states import State
from thidua.organizations.models import Organization

pytestmark = pytest.mark.django_db


def test_dates_read_day_month_year_and_empty_ones_a_dash():
    assert dmy(date(2026, 2, 9)) == "09/02/2026"
    assert dmy(None) == "—"


def test_people_rows_escape_names_and_show_the_current_unit(client, network, make_user):
    network.hue_person.given_name = "<b>Điệp</b>"
    network.hue_person.save()
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("organizations:person_list")).content.decode()
    assert "Nguyễn Văn &lt;b&gt;Điệp&lt;/b&gt;</a>" in page and "<b>Điệp" not in page
    assert f'<a href="{network.hue_person.get_absolute_url()}">' in page
    assert "<td>Hợp tác xã Nông nghiệp Thủy Thanh</td>" in page
    assert '<td class="d-none d-md-table-cell">17/05/1980</td>' in page
    assert network.hanoi_person.get_absolute_url() not in page  # another province's person


def test_people_list_without_rows_says_so(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("organizations:person_list"), {"q": "Không Ai Có Tên Này"})
    assert "Không có cá nhân nào khớp điều kiện lọc." in page.content.decode()


def test_unit_rows_carry_the_new_model_badge_in_the_readers_language(client, network, make_user):
    Organization.objects.filter(pk=network.hue_coop.pk).update(is_new_model=True)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("organizations:organization_list")).content.decode()
    assert ('Thủy Thanh</a> <span class="badge text-bg-success" title="Hợp tác xã kiểu mới gắn với '
            'chuỗi giá trị">HTX kiểu mới</span>') in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("organizations:organization_list")).content.decode()
    assert "HTX kiểu mới" not in english and "Thủy Thanh</a> <span class=" in english


def test_overdue_tờ_trình_rows_are_marked(client, network, make_user, today):
    late = NominationBatch.objects.create(
        proposer=network.hue_coop, authority=network.hue, year=today.year, title="Đề nghị <quá hạn>",
        state=State.SUBMITTED, due_on=today - timedelta(days=1), created_by=network.actor)
    NominationBatch.objects.create(proposer=network.hue_coop2, authority=network.hue,
                                   year=today.year, title="Đề nghị đúng hạn",
                                   state=State.DRAFT, created_by=network.actor)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("nominations:batch_list")).content.decode()
    assert (f'<tr class="table-danger">\n  <td><a href="{late.get_absolute_url()}">'
            "Đề nghị &lt;quá hạn&gt;</a><div class=\"d-md-none small text-body-secondary\">"
            f"{network.hue_coop.name} · {today.year} · Đã gửi</div></td>") in page
    assert f'{dmy(late.due_on)} <span class="badge text-bg-danger">Quá hạn</span>' in page
    assert "<tr>\n  <td><a href=" in page and "Đề nghị đúng hạn</a>" in page  # not marked
    assert "<td>—</td></tr>" in page  # no due date
    # the officer's "Chờ tôi xử lý": the submitted one, late
    assert (f'<li class="text-danger fw-semibold"><a href="{late.get_absolute_url()}">Đề nghị '
            f"&lt;quá hạn&gt;</a> — {network.hue_coop.name} → {network.hue.name} · "
            f'<span class="badge text-bg-secondary">Đã gửi</span> · hạn {dmy(late.due_on)} '
            '<span class="badge text-bg-danger">Quá hạn</span></li>') in page
