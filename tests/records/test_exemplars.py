"""Exemplars (found → nurtured → honoured → replicated) and initiatives: stage transitions with
dates, bad input, filters and Excel export, and the permission matrix of their pages."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from records_helpers import EDIT_ONLY, VIEW_ONLY, check_matrix, exemplar, matrix_users

from thidua.accounts.models import Role
from thidua.core import scopes
from thidua.records import services as rs
from thidua.records.models import Exemplar, ExemplarStage, Initiative

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.django_db
def test_stages_advance_in_order_with_their_dates(network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    record = exemplar(network, network.hue_coop, "Chuỗi giá trị lúa hữu cơ", new_model=True,
                      found=date(2020, 3, 1))
    with pytest.raises(ValidationError) as error:
        rs.advance_exemplar_stage(officer, record, date(2020, 2, 1))
    assert "không được trước ngày 01/03/2020" in error.value.messages[0]
    for day, stage in [(date(2020, 6, 1), ExemplarStage.NURTURED),
                       (date(2021, 1, 15), ExemplarStage.HONOURED),
                       (date(2022, 4, 1), ExemplarStage.REPLICATED)]:
        rs.advance_exemplar_stage(officer, record, day)
        record.refresh_from_db()
        assert record.stage == stage
    assert (record.nurtured_on, record.honoured_on, record.replicated_on) == (
        date(2020, 6, 1), date(2021, 1, 15), date(2022, 4, 1))
    with pytest.raises(ValidationError):
        rs.advance_exemplar_stage(officer, record, date(2022, 5, 1))
    assert record.history.first().history_user == officer


@pytest.mark.django_db
def test_stage_change_refuses_a_future_date_and_other_levels(network, make_user, today):
    record = exemplar(network, network.hue_coop, "Tổ hợp tác đan lát")
    with pytest.raises(ValidationError):
        rs.advance_exemplar_stage(network.actor, record, today + timedelta(days=1))
    with pytest.raises(PermissionDenied):
        rs.advance_exemplar_stage(make_user(Role.EC_OFFICER, network.hanoi), record)
    with pytest.raises(PermissionDenied):
        rs.advance_exemplar_stage(make_user(Role.VIEWER, network.hue), record)
    record.refresh_from_db()
    assert record.stage == ExemplarStage.FOUND


@pytest.mark.django_db
def test_bad_exemplar_input_writes_nothing(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("records:exemplar_create"), {
        "unit": network.hue_coop.code, "person": network.hue_person2.pk, "title": "Gương sáng",
        "story": "…", "found_on": "01/03/2021"})
    assert "Người được chọn không công tác tại đơn vị đã nhập mã." in response.content.decode()
    response = client.post(reverse("records:exemplar_create"), {
        "unit": network.hue_coop.code, "title": "Gương sáng", "story": "…",
        "found_on": "01/03/2021", "nurtured_on": "01/02/2021"})
    assert "Ngày các giai đoạn phải theo thứ tự thời gian." in response.content.decode()
    with pytest.raises(ValidationError) as error:
        rs.save_exemplar(network.actor, Exemplar(unit=network.hue_coop, title="x", story="x",
                                                 person=network.hanoi_person,
                                                 found_on=date(2021, 3, 1)))
    assert "person" in error.value.message_dict
    response = client.post(reverse("records:exemplar_create"), {
        "unit": network.hanoi_coop.code, "title": "Ngoài phạm vi", "story": "…",
        "found_on": "01/03/2021"})
    assert "Không tìm thấy đơn vị có mã này trong phạm vi của bạn." in response.content.decode()
    assert not Exemplar.objects.exists()


@pytest.mark.django_db
def test_create_advance_and_list_with_filters_and_export(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("records:exemplar_create"), {
        "unit": network.hue_coop.code, "person": network.hue_person.pk,
        "title": "Xã viên sản xuất giỏi", "story": "Nhiều năm liền.", "found_on": "01/03/2021"})
    record = Exemplar.objects.get()
    assert response["Location"] == reverse("records:exemplar_detail", args=[record.pk])
    client.post(reverse("records:exemplar_detail", args=[record.pk]), {"on": "01/06/2021"})
    record.refresh_from_db()
    assert (record.stage, record.nurtured_on) == (ExemplarStage.NURTURED, date(2021, 6, 1))
    exemplar(network, network.hue_coop2, "HTX dịch vụ kiểu mới", new_model=True)
    exemplar(network, network.hanoi_coop, "Rau sạch Hà Nội", new_model=True)
    url = reverse("records:exemplar_list")
    listed = client.get(url, {"stage": "NURTURED"}).content.decode()
    assert "Xã viên sản xuất giỏi" in listed and "HTX dịch vụ kiểu mới" not in listed
    listed = client.get(url, {"is_new_model": "true"}).content.decode()
    assert "HTX dịch vụ kiểu mới" in listed and "Rau sạch Hà Nội" not in listed
    assert "Xã viên" in client.get(url, {"unit": network.hue_coop.code, "q": "sản xuất"}).content.decode()
    export = client.get(url, {"format": "xlsx", "is_new_model": "true"})
    assert export["Content-Type"] == XLSX


@pytest.mark.django_db
def test_people_options_follow_the_unit_and_its_permission(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    url = reverse("records:people_options")
    assert network.hue_person.full_name in client.get(url, {"unit": "P46-HTX01"}).content.decode()
    assert network.hanoi_person.full_name not in client.get(url, {"unit": "P01-HTX01"}).content.decode()


@pytest.mark.django_db
def test_initiative_authors_come_from_the_unit(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    with pytest.raises(ValidationError) as error:
        rs.save_initiative(officer, Initiative(title="Máy sấy", unit=network.hue_coop, scope=1,
                                               year=2021), [network.hue_person2])
    assert "authors" in error.value.message_dict
    client.force_login(officer)
    response = client.post(reverse("records:initiative_create"), {
        "title": "Máy sấy nông sản", "kind": "INITIATIVE", "unit": network.hue_coop.code,
        "authors": [network.hue_person.pk], "scope": 1, "year": 2021,
        "recognised_on": "15/11/2021", "decision_reference": "12/QĐ-HTX"})
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert list(initiative.authors.all()) == [network.hue_person]
    edit = client.get(reverse("records:initiative_edit", args=[initiative.pk])).content.decode()
    assert "Chưa dùng để xét khen thưởng" in edit
    bad = client.post(reverse("records:initiative_edit", args=[initiative.pk]), {
        "title": "Máy sấy nông sản", "kind": "INITIATIVE", "unit": network.hue_coop.code,
        "authors": [network.hue_person.pk], "scope": 1, "year": 2021,
        "recognised_on": "15/11/2020"})
    assert "Ngày công nhận phải thuộc năm công nhận." in bad.content.decode()


@pytest.mark.django_db
def test_exemplar_and_initiative_pages_permission_matrix(client, network, make_user):
    record = exemplar(network, network.hue_coop, "Điển hình Huế")
    initiative = rs.save_initiative(network.actor, Initiative(
        title="Sáng kiến Huế", unit=network.hue_coop, scope=1, year=2021), [network.hue_person])
    users = matrix_users(make_user, network)
    check_matrix(client, users, [
        (reverse("records:exemplar_list"), {"officer": 200, "viewer": 200, "other": 200}),
        (reverse("records:exemplar_detail", args=[record.pk]), VIEW_ONLY),
        (reverse("records:exemplar_edit", args=[record.pk]), EDIT_ONLY),
        (reverse("records:exemplar_create"), {"officer": 200, "viewer": 403, "other": 200}),
        (reverse("records:initiative_list"), {"officer": 200, "viewer": 200, "other": 200}),
        (reverse("records:initiative_edit", args=[initiative.pk]), EDIT_ONLY),
        (reverse("records:initiative_create"), {"officer": 200, "viewer": 403, "other": 200}),
    ])
    client.force_login(users["other"])
    assert "Điển hình Huế" not in client.get(reverse("records:exemplar_list")).content.decode()
    assert "Sáng kiến Huế" not in client.get(reverse("records:initiative_list")).content.decode()
    client.force_login(users["viewer"])
    assert client.post(reverse("records:exemplar_detail", args=[record.pk]),
                       {"on": "01/01/2024"}).status_code == 403


@pytest.mark.django_db
def test_a_user_of_another_unit_sees_no_exemplar_or_initiative(network, make_user, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    found = exemplar(network, network.hue_coop, "Điển hình Huế")
    honoured = exemplar(network, network.hue_coop, "Điển hình được tôn vinh",
                        stages=(date(2018, 1, 1), date(2019, 1, 1)))
    initiative = rs.save_initiative(network.actor, Initiative(
        title="Sáng kiến Huế", unit=network.hue_coop, scope=1, year=2021), [network.hue_person])
    other, officer = (make_user(Role.EC_OFFICER, network.hanoi),
                      make_user(Role.EC_OFFICER, network.hue))
    with scopes.serving("/phong-trao/dien-hinh/"):
        assert list(Exemplar.objects.visible_to(other)) == []
        assert list(Initiative.objects.visible_to(other)) == []
        assert set(Exemplar.objects.visible_to(officer)) == {found, honoured}
        assert list(Initiative.objects.visible_to(officer)) == [initiative]
        for model in (Exemplar, Initiative):
            with pytest.raises(scopes.ScopeError, match=model._meta.label):
                list(model.objects.all())
        # The portal's read: an honoured exemplar is public, whoever asks; a found one is not.
        assert list(Exemplar.objects.public(network.hue)) == [honoured]
        assert list(Exemplar.objects.public(network.hanoi)) == []
