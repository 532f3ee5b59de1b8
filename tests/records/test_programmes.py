"""Cooperation programmes: yearly targets, actuals computed from exemplars and awards, entered
actuals with their source, status per year, bad input and the permission matrix."""
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from records_helpers import (EDIT_ONLY, EVERYONE, VIEW_ONLY, check_matrix, exemplar, matrix_users,
                             programme)

from thidua.accounts.models import Role
from thidua.awards.models import Award, AwardType
from thidua.core import scopes
from thidua.records import services as rs
from thidua.records.models import CooperationProgramme, ProgrammeTarget
from thidua.records.models import ProgrammeIndicator as I
from thidua.records.programme_progress import (BELOW, EXCEEDED, MET, UPCOMING, programme_progress,
                                                 status_of)


def target(network, prog, year, indicator, minimum, maximum=None, **fields):
    return rs.save_target(network.actor, ProgrammeTarget(
        programme=prog, year=year, indicator=indicator, minimum=minimum, maximum=maximum,
        **fields))


@pytest.mark.parametrize("actual, minimum, maximum, year, expected", [
    (9, 10, 15, 2018, BELOW), (10, 10, 15, 2018, MET), (15, 10, 15, 2018, MET),
    (16, 10, 15, 2018, EXCEEDED), (16, 10, None, 2018, MET), (None, 10, 15, 2018, BELOW),
    (0, 10, 15, 2099, UPCOMING), (12, 10, 15, 2099, MET),
])
def test_status_against_the_range(actual, minimum, maximum, year, expected):
    assert status_of(actual, minimum, maximum, year, today=date(2025, 6, 1)) == expected


@pytest.mark.django_db
def test_actuals_are_computed_from_exemplars_in_the_owners_subtree(network):
    prog = programme(network)
    target(network, prog, 2018, I.NEW_MODEL_COOPERATIVES, 2, 3)
    target(network, prog, 2018, I.EXEMPLARY_INDIVIDUALS, 1, 1)
    target(network, prog, 2019, I.NEW_MODEL_COOPERATIVES, 1, 2)
    target(network, prog, 2019, I.OTHER, 3, 5, label="Đoàn kiểm tra liên ngành",
           entered_actual=4, actual_source="Báo cáo tổng kết năm 2019")
    steps = (date(2018, 2, 1), date(2018, 5, 1))  # nurtured, honoured
    exemplar(network, network.hue_coop, "Chuỗi lúa hữu cơ", new_model=True, stages=steps)
    exemplar(network, network.hanoi_coop, "Rau an toàn theo chuỗi", new_model=True,
             stages=(*steps, date(2018, 9, 1)))
    exemplar(network, network.hue_coop2, "Dịch vụ điện", new_model=False, stages=steps)
    exemplar(network, network.hue_coop2, "Mới phát hiện", new_model=True)
    exemplar(network, network.hue_coop2, "Tôn vinh năm sau", new_model=True,
             stages=(date(2018, 2, 1), date(2019, 4, 1)))
    exemplar(network, network.hue_coop, "Xã viên sản xuất giỏi", person=network.hue_person,
             stages=steps)
    exemplar(network, network.hanoi_coop, "Giám đốc năng động", person=network.hanoi_person,
             stages=steps)

    years = {y.year: y for y in programme_progress(prog)}
    actual = {(y, row.target.indicator): (row.actual, row.status, row.percent)
              for y, year in years.items() for row in year.rows}
    assert actual == {
        (2018, I.NEW_MODEL_COOPERATIVES): (2, MET, 100),
        (2018, I.EXEMPLARY_INDIVIDUALS): (2, EXCEEDED, 200),
        (2019, I.NEW_MODEL_COOPERATIVES): (1, MET, 100),
        (2019, I.OTHER): (4, MET, 133),
    }
    assert (years[2018].status, years[2019].status) == (MET, MET)
    assert years[2019].rows[-1].source == "Báo cáo tổng kết năm 2019"

    hue_programme = programme(network, owner=network.hue)
    target(network, hue_programme, 2018, I.NEW_MODEL_COOPERATIVES, 2, 3)
    only_hue = programme_progress(hue_programme)[0]
    assert (only_hue.rows[0].actual, only_hue.status) == (1, BELOW)


@pytest.mark.django_db
def test_awards_are_counted_for_units_and_people_of_the_subtree(network):
    prog = programme(network, owner=network.hue)
    target(network, prog, 2020, I.AWARDS, 2)
    kind = AwardType.objects.order_by("pk").first()
    Award.objects.create(award_type=kind, year=2020, organization=network.hue_coop)
    Award.objects.create(award_type=kind, year=2020, person=network.hue_person)
    Award.objects.create(award_type=kind, year=2020, person=network.hanoi_person)
    Award.objects.create(award_type=kind, year=2020, organization=network.hue_coop2,
                         status="REVOKED")
    Award.objects.create(award_type=kind, year=2021, organization=network.hue_coop)
    row = programme_progress(prog)[0].rows[0]
    assert (row.actual, row.computed, row.status) == (2, True, MET)


@pytest.mark.django_db
@pytest.mark.parametrize("fields, field", [
    ({"year": 2016}, "year"),
    ({"minimum": 15, "maximum": 10}, "maximum"),
    ({"indicator": I.OTHER, "entered_actual": 3}, "actual_source"),
    ({"entered_actual": 3}, "entered_actual"),
])
def test_bad_targets_are_refused(network, fields, field):
    prog = programme(network)
    values = {"year": 2018, "indicator": I.NEW_MODEL_COOPERATIVES, "minimum": 10,
              "maximum": 15, **fields}
    with pytest.raises(ValidationError) as error:
        rs.save_target(network.actor, ProgrammeTarget(programme=prog, **values))
    assert field in error.value.message_dict
    assert not ProgrammeTarget.objects.exists()


@pytest.mark.django_db
def test_programme_years_out_of_order_give_a_vietnamese_error(client, network, make_user):
    client.force_login(make_user("EC_OFFICER", network.vca))
    response = client.post(reverse("records:programme_create"), {
        "owner": "VCA", "title": "Chương trình", "partners": "Ban TĐKT Trung ương",
        "start_year": 2022, "end_year": 2017, "commitments": "Cam kết"})
    assert "Năm kết thúc phải từ năm bắt đầu trở đi." in response.content.decode()
    assert not CooperationProgramme.objects.exists()


@pytest.mark.django_db
def test_detail_shows_progress_and_targets_are_edited_through_the_page(client, network, make_user):
    prog = programme(network, owner=network.hue)
    client.force_login(make_user("EC_OFFICER", network.hue))
    response = client.post(reverse("records:target_create", args=[prog.pk]), {
        "year": 2018, "indicator": I.NEW_MODEL_COOPERATIVES, "minimum": 10, "maximum": 15})
    assert response.status_code == 302
    page = client.get(reverse("records:programme_detail", args=[prog.pk])).content.decode()
    assert "Chưa đạt" in page and "10–15" in page and 'role="progressbar"' in page


@pytest.mark.django_db
def test_programme_pages_permission_matrix(client, network, make_user):
    prog = programme(network, owner=network.hue)
    goal = target(network, prog, 2018, I.NEW_MODEL_COOPERATIVES, 10, 15)
    users = matrix_users(make_user, network)
    check_matrix(client, users, [
        (reverse("records:programme_list"), EVERYONE),
        (reverse("records:programme_detail", args=[prog.pk]), VIEW_ONLY),
        (reverse("records:programme_edit", args=[prog.pk]), EDIT_ONLY),
        (reverse("records:programme_create"), {"officer": 200, "viewer": 403, "other": 200}),
        (reverse("records:target_create", args=[prog.pk]), EDIT_ONLY),
        (reverse("records:target_edit", args=[goal.pk]), EDIT_ONLY),
    ])
    client.force_login(users["other"])
    assert prog.title not in client.get(reverse("records:programme_list")).content.decode()


@pytest.mark.django_db
def test_demo_programme_has_actuals_behind_its_targets_and_the_bloc_is_ranked(settings):
    from django.core.management import call_command

    from thidua.demo import data
    from thidua.records import scoring
    from thidua.records.models import Event, Inspection, Pledge, Score, ScoreSheet

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", "--small", stdout=io.StringIO())
    prog = CooperationProgramme.objects.get(start_year=2017, end_year=2022)
    years = {y.year: y for y in programme_progress(prog)}
    assert sorted(years) == list(range(2017, 2023))
    actual = {(y, r.target.indicator): r.actual for y, year in years.items() for r in year.rows}
    assert actual[2019, I.NEW_MODEL_COOPERATIVES] == 14
    assert actual[2020, I.NEW_MODEL_COOPERATIVES] == 8 and years[2020].status == BELOW
    assert actual[2022, I.EXEMPLARY_INDIVIDUALS] == 19
    sheet = ScoreSheet.objects.get(group__name=data.VCA_BLOC, group__year=2022)
    members = list(sheet.group.members.all())
    criteria = list(sheet.criteria.all())
    points = {(s.member, s.criterion): s.points
              for s in Score.objects.filter(criterion__sheet=sheet).select_related(
                  "member", "criterion")}
    leader = scoring.rank(members, criteria, points, sheet.tie_break)[0]
    assert leader.member.code == "VCA-QPT" and leader.proposal == "FLAG"
    pledge = Pledge.objects.get(group__name=data.VCA_BLOC, group__year=2023)
    assert pledge.signatures.count() == sheet.group.members.count() == 15
    assert Inspection.objects.filter(organizer__code="VCA").exists()
    assert Event.objects.get(kind="CONGRESS").exemplars.count() == 12


@pytest.mark.django_db
def test_a_user_of_another_unit_sees_no_programme(client, network, make_user, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    prog = programme(network, owner=network.hue)
    other, officer = (make_user(Role.EC_OFFICER, network.hanoi),
                      make_user(Role.EC_OFFICER, network.hue))
    with scopes.serving("/phong-trao/chuong-trinh/"):
        assert list(CooperationProgramme.objects.visible_to(other)) == []
        assert list(CooperationProgramme.objects.visible_to(officer)) == [prog]
        with pytest.raises(scopes.ScopeError, match="records.CooperationProgramme"):
            list(CooperationProgramme.objects.all())
    client.force_login(other)
    assert prog.title not in client.get(reverse("records:programme_list")).content.decode()
    assert client.get(reverse("records:target_create", args=[prog.pk])).status_code == 403
