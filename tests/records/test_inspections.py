"""Inspections and events: creation through the pages, dates out of order and units outside the
scope refused with nothing written, who sees an inspection, and the permission matrix."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from records_helpers import EDIT_ONLY, VIEW_ONLY, check_matrix, exemplar, matrix_users

from thidua.accounts.models import Role
from thidua.core import scopes
from thidua.records import services as rs
from thidua.records.models import Event, Inspection


def inspection_form(**overrides):
    return {"organizer": "P46", "team": "Đoàn kiểm tra của Liên minh HTX thành phố",
            "inspected_units": "P46-HTX01, P46-HTX02", "start_date": "10/06/2024",
            "end_date": "12/06/2024", "status": "PLANNED", **overrides}


@pytest.mark.django_db
def test_inspection_is_created_and_followed_up(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("records:inspection_create"), inspection_form())
    inspection = Inspection.objects.get()
    assert response["Location"] == reverse("records:inspection_detail", args=[inspection.pk])
    assert set(inspection.inspected_units.all()) == {network.hue_coop, network.hue_coop2}
    response = client.post(reverse("records:inspection_edit", args=[inspection.pk]),
                           inspection_form(status="FOLLOWING_UP"))
    assert "Đã kiểm tra thì cần ghi kết quả kiểm tra." in response.content.decode()
    client.post(reverse("records:inspection_edit", args=[inspection.pk]), inspection_form(
        status="FOLLOWING_UP", findings="Sổ sách thi đua chưa đầy đủ.",
        recommendations="Bổ sung hồ sơ trong quý III."))
    inspection.refresh_from_db()
    assert inspection.status == "FOLLOWING_UP"
    page = client.get(reverse("records:inspection_detail", args=[inspection.pk])).content.decode()
    assert "Bổ sung hồ sơ trong quý III." in page


@pytest.mark.django_db
@pytest.mark.parametrize("overrides, message", [
    ({"end_date": "01/06/2024"}, "Ngày kết thúc phải từ ngày bắt đầu trở đi."),
    ({"inspected_units": "P01-HTX01"}, "phải thuộc phạm vi của cấp kiểm tra"),
    ({"inspected_units": "P46-HTX01, KHONG-CO"}, "Không tìm thấy đơn vị có mã: KHONG-CO."),
])
def test_bad_inspection_input_writes_nothing(client, network, make_user, overrides, message):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("records:inspection_create"), inspection_form(**overrides))
    assert message in response.content.decode()
    assert not Inspection.objects.exists()


@pytest.mark.django_db
def test_inspected_units_see_the_inspection_and_others_do_not(client, network, make_user):
    inspection = rs.save_inspection(network.actor, Inspection(
        organizer=network.vca, team="Đoàn liên ngành", start_date=date(2021, 9, 1),
        end_date=date(2021, 9, 3)), [network.hue])
    url = reverse("records:inspection_detail", args=[inspection.pk])
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.get(url).status_code == 200
    assert client.get(reverse("records:inspection_list")).content.decode().count(
        url) == 1
    client.force_login(make_user(Role.EC_OFFICER, network.hanoi))
    assert client.get(url).status_code == 403
    assert url not in client.get(reverse("records:inspection_list")).content.decode()


@pytest.mark.django_db
def test_event_links_reviews_and_exemplars_of_its_level(client, network, make_user):
    honoured = exemplar(network, network.hue_coop, "Điển hình được tôn vinh")
    elsewhere = exemplar(network, network.hanoi_coop, "Điển hình Hà Nội")
    with pytest.raises(ValidationError) as error:
        rs.save_event(network.actor, Event(organizer=network.hue, kind="EXEMPLAR_CONFERENCE",
                                           title="Hội nghị", held_on=date(2024, 5, 1)),
                      exemplars=[elsewhere])
    assert "exemplars" in error.value.message_dict and not Event.objects.exists()
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("records:event_create"), {
        "organizer": "P46", "kind": "EXEMPLAR_CONFERENCE", "period_label": "2020–2025",
        "title": "Hội nghị điển hình tiên tiến", "held_on": "20/05/2024",
        "exemplars": [honoured.pk]})
    event = Event.objects.get()
    assert response["Location"] == reverse("records:event_detail", args=[event.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Điển hình được tôn vinh" in page


@pytest.mark.django_db
def test_inspection_and_event_pages_permission_matrix(client, network, make_user):
    inspection = rs.save_inspection(network.actor, Inspection(
        organizer=network.hue, team="Đoàn", start_date=date(2024, 6, 1),
        end_date=date(2024, 6, 2)), [network.hue_coop])
    event = rs.save_event(network.actor, Event(organizer=network.hue, kind="CONGRESS",
                                               title="Đại hội thi đua Huế lần thứ nhất", held_on=date(2025, 6, 15)))
    users = matrix_users(make_user, network)
    creatable = {"officer": 200, "viewer": 403, "other": 200}
    check_matrix(client, users, [
        (reverse("records:inspection_list"), {"officer": 200, "viewer": 200, "other": 200}),
        (reverse("records:inspection_detail", args=[inspection.pk]), VIEW_ONLY),
        (reverse("records:inspection_edit", args=[inspection.pk]), EDIT_ONLY),
        (reverse("records:inspection_create"), creatable),
        (reverse("records:event_list"), {"officer": 200, "viewer": 200, "other": 200}),
        (reverse("records:event_detail", args=[event.pk]), VIEW_ONLY),
        (reverse("records:event_edit", args=[event.pk]), EDIT_ONLY),
        (reverse("records:event_create"), creatable),
    ])
    client.force_login(users["other"])
    assert "Huế lần thứ nhất" not in client.get(reverse("records:event_list")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["reviews", "exemplars"])
@pytest.mark.parametrize("chosen", ["-99999999999999999999", "9" * 40])
def test_an_id_wider_than_any_key_is_an_unknown_choice_not_a_500(client, network, make_user,
                                                                 field, chosen):
    """Found by the form fuzzer: a multiple choice of records looked the ids up in one query, and
    an id past 64 bits raised OverflowError on SQLite (a 500)."""
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("records:event_create"), {
        "organizer": "P46", "kind": "CONGRESS", "title": "Đại hội", "held_on": "20/05/2024",
        field: [chosen]})
    assert response.status_code == 200
    assert f"“{chosen}” không phải giá trị hợp lệ." in response.content.decode()
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_a_user_of_another_unit_sees_no_inspection(network, make_user, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    inspection = rs.save_inspection(network.actor, Inspection(
        organizer=network.vca, team="Đoàn liên ngành", start_date=date(2021, 9, 1),
        end_date=date(2021, 9, 3)), [network.hue])
    other, inspected = (make_user(Role.EC_OFFICER, network.hanoi),
                        make_user(Role.VIEWER, network.hue))
    with scopes.serving("/phong-trao/kiem-tra/"):
        assert list(Inspection.objects.visible_to(other)) == []
        assert list(Inspection.objects.visible_to(inspected)) == [inspection]
        with pytest.raises(scopes.ScopeError, match="records.Inspection"):
            list(Inspection.objects.all())


@pytest.mark.django_db
def test_a_user_of_another_unit_sees_no_event(client, network, make_user, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    event = rs.save_event(network.actor, Event(
        organizer=network.hue, kind="CONGRESS", title="Đại hội thi đua Huế",
        held_on=date(2025, 6, 15)))
    other, officer = (make_user(Role.EC_OFFICER, network.hanoi),
                      make_user(Role.VIEWER, network.hue))
    with scopes.serving("/phong-trao/su-kien/"):
        assert list(Event.objects.visible_to(other)) == []
        assert list(Event.objects.visible_to(officer)) == [event]
        with pytest.raises(scopes.ScopeError, match="records.Event"):
            list(Event.objects.all())
    client.force_login(other)
    assert client.get(reverse("records:event_detail", args=[event.pk])).status_code == 403
