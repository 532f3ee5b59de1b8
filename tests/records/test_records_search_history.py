"""Diacritic-insensitive search on exemplars and initiatives; history on score sheets, criteria,
pledge signatures and events; yearly target reviews and the programme's final review."""
from datetime import date

import pytest
from django.urls import reverse
from records_helpers import exemplar, hue_bloc, programme, sheet

from thidua.accounts.models import Role
from thidua.records import services as rs
from thidua.records.models import Event, EventKind, Initiative, Pledge, ProgrammeTarget

pytestmark = pytest.mark.django_db


def listed(client, name, query):
    response = client.get(reverse(f"records:{name}"), {"q": query})
    return list(response.context["page_obj"].object_list)


def test_exemplar_search_ignores_diacritics_and_finds_people(client, network, make_user):
    found = exemplar(network, network.hue_coop, "Mô hình khuyến nông liên kết chuỗi",
                     person=network.hue_person)
    other = exemplar(network, network.hue_coop2, "Chuỗi giá trị lúa hữu cơ")
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    assert listed(client, "exemplar_list", "khuyen nong") == [found]
    assert listed(client, "exemplar_list", "KHUYẾN NÔNG") == [found]
    assert listed(client, "exemplar_list", "nguyen van diep") == [found]  # the person's name
    assert listed(client, "exemplar_list", "lua huu co") == [other]
    assert listed(client, "exemplar_list", "khuyen lua") == []  # every word must match


def test_initiative_search_ignores_diacritics(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    item = rs.save_initiative(officer, Initiative(
        title="Cải tiến máy sấy lúa tiết kiệm điện", unit=network.hue_coop, scope=1, year=2024,
        decision_reference="15/QĐ-HTX"), [network.hue_person])
    item.refresh_from_db()
    assert item.search_text == "cai tien may say lua tiet kiem dien 15/qd-htx"
    client.force_login(officer)
    assert listed(client, "initiative_list", "may say tiet kiem") == [item]
    assert listed(client, "initiative_list", "15/qđ") == [item]
    assert listed(client, "initiative_list", "phan bon") == []


def test_score_sheet_and_criteria_changes_are_kept_and_shown(client, network, make_user):
    group = hue_bloc(network)
    scores = sheet(network, group)
    criterion = scores.criteria.first()
    criterion.name = "Tiêu chí doanh thu"
    criterion.save()
    assert scores.history.count() == 1 and criterion.history.count() == 2
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("records:score_sheet", args=[group.pk])).content.decode()
    assert "Lịch sử thay đổi" in page and "Tiêu chí doanh thu" in page


def test_pledge_signatures_are_kept_in_history(client, network, make_user):
    group = hue_bloc(network)
    pledge = rs.save_pledge(network.actor, Pledge(group=group, content="Giao ước thi đua 2023"))
    rs.sign_pledge(network.actor, pledge, network.hue_coop, date(2023, 1, 10), "Giám đốc")
    signature = pledge.signatures.get()
    assert signature.history.count() == 1
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.get(reverse("records:pledge", args=[group.pk]))
    assert any(getattr(row, "signed_on", None) == date(2023, 1, 10)
               for row in response.context["history"])


def test_event_history_on_its_page(client, network, make_user):
    event = rs.save_event(network.actor, Event(
        organizer=network.hue, kind=EventKind.EXEMPLAR_CONFERENCE,
        title="Hội nghị điển hình tiên tiến", held_on=date(2025, 5, 20)))
    event.title = "Hội nghị điển hình tiên tiến lần thứ V"
    event.save()
    client.force_login(make_user(Role.VIEWER, network.hue))
    page = client.get(reverse("records:event_detail", args=[event.pk])).content.decode()
    assert "Lịch sử thay đổi" in page and "lần thứ V" in page


def test_target_review_note_and_final_review_are_shown(client, network, make_user):
    plan = programme(network)
    rs.save_target(network.actor, ProgrammeTarget(
        programme=plan, year=2018, indicator="AWARDS", minimum=10, maximum=15,
        review_note="Vượt chỉ tiêu nhờ tổng kết 5 năm"))
    plan.final_review = "Hoàn thành chương trình 2017–2022"
    rs.save_programme(network.actor, plan)
    client.force_login(make_user(Role.VIEWER, network.vca))
    page = client.get(reverse("records:programme_detail", args=[plan.pk])).content.decode()
    assert "Vượt chỉ tiêu nhờ tổng kết 5 năm" in page
    assert "Hoàn thành chương trình 2017–2022" in page
