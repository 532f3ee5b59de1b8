"""The clock is an input: every test runs on the travelled clock of ``tests/conftest.py`` (a hook
there fails any test that escapes it). Test modules take the time from the ``today``/``now``/``clock``
fixtures; no test file reads the process clock around Django's time zone, patches a clock function
or shadows the clock fixtures. (Conftests and helper modules may ask Django's travelled clock.)"""
import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.utils import timezone

from timekeeping import TEST_NOW

TESTS = Path(__file__).resolve().parents[1]
# Naive or process-local reads, never right in a test of a Django project set to Asia/Ho_Chi_Minh.
PROCESS_CLOCK = {("date", "today"), ("datetime", "now"), ("datetime", "today"),
                 ("datetime", "utcnow"), ("time", "time"), ("time", "time_ns")}
DJANGO_CLOCK = {("timezone", "now"), ("timezone", "localdate"), ("timezone", "localtime")}
CLOCK_FUNCTIONS = PROCESS_CLOCK | DJANGO_CLOCK
PATCHED_NAMES = {"now", "localdate", "localtime", "today", "time"}


def _dotted(node):
    return (node.value.id, node.attr) if (isinstance(node, ast.Attribute)
                                          and isinstance(node.value, ast.Name)) else None


def clock_offences(tree, reads=CLOCK_FUNCTIONS):
    """(line, what) for every direct read of the clock (``reads``), every patch of a clock function
    and every fixture that shadows ``clock``/``today``/``now`` in one module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name in reads and not node.args and not node.keywords:
                yield node.lineno, f"{'.'.join(name)}()"
            patched = node.args[1] if len(node.args) > 1 else None
            target = node.args[0] if node.args else None
            if (isinstance(node.func, ast.Attribute) and node.func.attr == "setattr"
                    and ((isinstance(target, ast.Constant) and str(target.value).rsplit(".", 1)[-1]
                          in PATCHED_NAMES)
                         or (isinstance(patched, ast.Constant) and patched.value in PATCHED_NAMES))):
                yield node.lineno, "a patched clock function"
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if _dotted(target) in CLOCK_FUNCTIONS:
                    yield node.lineno, f"{'.'.join(_dotted(target))} reassigned"
        elif isinstance(node, ast.FunctionDef) and node.name in {"clock", "today", "now"}:
            yield node.lineno, f"a fixture named {node.name!r} shadowing the shared one"


def test_no_test_reads_or_patches_the_real_clock():
    offences = [f"{path.relative_to(TESTS.parent)}:{line}: {what}"
                for path in sorted(TESTS.rglob("*.py"))
                if path not in (TESTS / "conftest.py", Path(__file__))
                for line, what in clock_offences(
                    ast.parse(path.read_text(), str(path)),
                    CLOCK_FUNCTIONS if path.name.startswith("test_") else PROCESS_CLOCK)]
    assert offences == [], "Take the time from the today/now/clock fixtures:\n" + "\n".join(offences)


def test_the_lint_finds_each_kind_of_offence():
    source = ("datetime.now()\ndate.today()\ntime.time()\ntimezone.now = f\n"
              "monkeypatch.setattr('x.timezone.localdate', f)\nmonkeypatch.setattr(timezone, 'now', f)\n"
              "def clock(): pass\ntimezone.now()\ndatetime.now(UTC)\ntimezone.localtime(value)\n")
    assert sorted(line for line, _ in clock_offences(ast.parse(source))) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert 8 not in [line for line, _ in clock_offences(ast.parse(source), PROCESS_CLOCK)]


def test_a_test_starts_at_the_shared_instant(today, now):
    assert today == TEST_NOW.date() and abs(now - TEST_NOW) < timezone.timedelta(minutes=5)


@pytest.mark.clock("2026-12-31 23:30")
def test_the_clock_marker_moves_the_start_in_local_time(today, now):
    assert today.isoformat() == "2026-12-31"
    assert now.astimezone(UTC).replace(second=0, microsecond=0) == datetime(2026, 12, 31, 16, 30,
                                                                               tzinfo=UTC)


def test_the_clock_moves_within_a_test(clock, today):
    clock.move_to(datetime(2027, 2, 15, 2, 0, tzinfo=UTC))
    assert today == TEST_NOW.date()  # the fixture is the day the test started
    assert timezone.localdate().isoformat() == "2027-02-15"
