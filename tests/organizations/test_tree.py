"""Ancestry has one source: the tree module and the Organization methods built on it. Nothing
else cuts a materialised path."""
import re
from pathlib import Path

import pytest

import thidua
from thidua.accounts.models import Role
from thidua.movements.models import ReportSchedule
from thidua.organizations import tree

SOURCE = Path(thidua.__file__).parent
TREE_MODULE = SOURCE / "organizations" / "tree.py"
# A path cut by hand: `path[:8]`, `unit.path[:i]`, `owner__path[: n]`…
SLICED_PATH = re.compile(r"path\s*\[\s*[^\]]*:")


def test_paths_of_the_units_above():
    assert tree.ancestor_paths("000100020003") == ["0001", "00010002", "000100020003"]
    assert tree.ancestor_paths("000100020003", include_self=False) == ["0001", "00010002"]
    assert tree.ancestor_paths("0001", include_self=False) == []
    assert tree.ancestor_path("000100020003", 2) == "00010002"
    assert tree.ancestor_path("0001", 2) == "0001"
    assert tree.depth("00010002") == 2
    assert tree.is_root("0001") and not tree.is_root("00010002")
    assert tree.is_within("000100020003", "00010002")
    assert not tree.is_within("00010003", "00010002")


@pytest.mark.django_db
def test_a_unit_knows_its_ancestors(network):
    assert list(network.hue_coop.ancestors()) == [network.vca, network.hue]
    assert list(network.hue_coop.ancestors(include_self=True)) == [
        network.vca, network.hue, network.hue_coop]
    assert list(network.vca.ancestors()) == []
    assert network.hue_coop.ancestor_paths() == [network.vca.path, network.hue.path]
    assert network.hue_coop.is_within(network.hue) and network.hue_coop.is_within(network.hue_coop)
    assert not network.hue_coop.is_within(network.hanoi)


@pytest.mark.django_db
def test_report_rounds_are_seen_by_readers_of_the_asking_level_and_by_units_that_answer(
        network, make_user, today):
    asked_by_hue = ReportSchedule.objects.create(owner=network.hue, year=today.year, period="Q1",
                                                 due_date=today)
    asked_by_hanoi = ReportSchedule.objects.create(owner=network.hanoi, year=today.year,
                                                   period="Q1", due_date=today)
    asked_by_vca = ReportSchedule.objects.create(owner=network.vca, year=today.year, period="Q1",
                                                 due_date=today)

    def seen(user):
        return set(ReportSchedule.objects.visible_to(user))

    assert seen(make_user(Role.EC_OFFICER, network.hue)) == {asked_by_hue, asked_by_vca}
    assert seen(make_user(Role.UNIT_REPORTER, network.hue_coop)) == {asked_by_hue, asked_by_vca}
    assert seen(make_user(Role.EC_OFFICER, network.hanoi_coop)) == {asked_by_hanoi, asked_by_vca}
    assert seen(make_user(Role.EC_OFFICER, network.vca)) == {asked_by_hue, asked_by_hanoi,
                                                            asked_by_vca}
    assert seen(make_user()) == set()


def test_no_module_cuts_a_path_by_hand():
    """Ancestry is derived in tree.py alone (migrations keep what they were written with)."""
    offenders = []
    for module in SOURCE.rglob("*.py"):
        if module == TREE_MODULE or "migrations" in module.parts:
            continue
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
            if SLICED_PATH.search(line):
                offenders.append(f"{module.relative_to(SOURCE)}:{number}: {line.strip()}")
    assert offenders == []
