"""Plain helpers for the records' tests (blocs, programmes, exemplars, inspections): state is
built through the same services the pages use, and the three users of the permission matrix."""
from datetime import date

from thidua.accounts.models import Role
from thidua.organizations import services as org_services
from thidua.organizations.models import EmulationGroup, GroupRole
from thidua.records import services as rs
from thidua.records.models import CooperationProgramme, Exemplar


def hue_bloc(network, year=2022):
    """A Huế bloc of its two cooperatives, the first one its head."""
    group = org_services.create_emulation_group(network.actor, EmulationGroup(
        owner=network.hue, name="Khối thi đua các HTX nông nghiệp", year=year))
    org_services.set_group_member(network.actor, group, network.hue_coop, GroupRole.HEAD)
    org_services.set_group_member(network.actor, group, network.hue_coop2, GroupRole.MEMBER)
    return group


def sheet(network, group, tie_break="CRITERIA_IN_ORDER", maxima=(20, 30)):
    created = rs.create_score_sheet(network.actor, group, tie_break)
    for index, maximum in enumerate(maxima, start=1):
        rs.add_criterion(network.actor, created, f"Tiêu chí {index}", maximum)
    return created


def exemplar(network, unit, title, person=None, new_model=False, stages=(), found=None):
    """An exemplar found on ``found`` and advanced once per date in ``stages``."""
    record = rs.save_exemplar(network.actor, Exemplar(
        unit=unit, person=person, title=title, story="Câu chuyện điển hình.",
        is_new_model=new_model, found_on=found or date(2017, 3, 1)))
    for day in stages:
        rs.advance_exemplar_stage(network.actor, record, day)
    return record


def programme(network, owner=None, start=2017, end=2022):
    return rs.save_programme(network.actor, CooperationProgramme(
        owner=owner or network.vca, title="Chương trình phối hợp thi đua",
        partners="Ban Thi đua – Khen thưởng Trung ương", start_year=start, end_year=end,
        commitments="Phối hợp phát hiện, bồi dưỡng, nhân rộng điển hình."))


def matrix_users(make_user, network):
    """EC officer and viewer of Huế, and an EC officer of another province (Hà Nội)."""
    return {"officer": make_user(Role.EC_OFFICER, network.hue),
            "viewer": make_user(Role.VIEWER, network.hue),
            "other": make_user(Role.EC_OFFICER, network.hanoi)}


def check_matrix(client, users, pages):
    """``pages``: (url, {user key: expected status}) pairs, fetched with GET."""
    failures = []
    for url, expected in pages:
        for key, status in expected.items():
            client.force_login(users[key])
            got = client.get(url).status_code
            if got != status:
                failures.append(f"{key} GET {url}: {got} ≠ {status}")
    assert not failures, "\n".join(failures)


VIEW_ONLY = {"officer": 200, "viewer": 200, "other": 403}
EDIT_ONLY = {"officer": 200, "viewer": 403, "other": 403}
EVERYONE = {"officer": 200, "viewer": 200, "other": 200}
