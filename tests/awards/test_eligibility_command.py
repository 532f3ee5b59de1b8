"""`manage.py evaluate_eligibility`: the command-line door gives the pure function's JSON.

No database is used (no `db` fixture): the command must work before any database exists.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.awards.eligibility import evaluate

pytest.importorskip("django")

ROOT = Path(__file__).resolve().parents[2]
PAYLOAD = {
    "as_of": "2025-12-15",
    "year": 2025,
    "types": ["CSTDCS", "CSTD_BO", "TTLDTT", "CO_BO"],
    "subjects": [
        {
            "id": "p1",
            "kind": "individual",
            "ratings": {"2023": "EXCELLENT", "2024": "GOOD", "2025": "EXCELLENT"},
            "awards": [{"type": "CSTDCS", "year": 2023}, {"type": "CSTDCS", "year": 2024}],
            "initiatives": [{"id": "i1", "scope": "PROVINCIAL", "year": 2024, "used_for": None}],
            "disciplines": [{"year": 2022, "level": "REPRIMAND"}],
            "holds": [],
        },
        {
            "id": "c1",
            "kind": "collective",
            "ratings": {"2025": "EXCELLENT"},
            "awards": [],
            "bloc_rank": 1,
            "members": [
                {"rating": "GOOD", "awards": ["LDTT"], "discipline": None},
                {"rating": "EXCELLENT", "awards": ["LDTT", "CSTDCS"], "discipline": None},
            ],
        },
    ],
}
MALFORMED = dict(PAYLOAD, subjects=[dict(PAYLOAD["subjects"][0], ratings={"2024": "FOO"})])


def _call(*args, **options):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("evaluate_eligibility", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def input_file(tmp_path):
    def write(payload):
        path = tmp_path / "input.json"
        path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        return str(path)

    return write


def test_call_command_prints_the_pure_function_output(input_file):
    printed = _call(input_file(PAYLOAD))
    assert json.loads(printed) == evaluate(PAYLOAD)
    assert "năm" in printed and "\\u0103" not in printed  # ensure_ascii=False keeps Vietnamese
    assert '\n  "regime"' in printed  # indent=2


def test_call_command_reads_stdin_with_dash():
    printed = _call("-", stdin=io.StringIO(json.dumps(PAYLOAD)))
    assert json.loads(printed) == evaluate(PAYLOAD)


def test_call_command_malformed_input_raises_command_error(input_file):
    from django.core.management import CommandError

    with pytest.raises(
        CommandError, match=r"subjects\[0\]\.ratings\.2024: xếp loại không hợp lệ 'FOO'"
    ):
        _call(input_file(MALFORMED))


@pytest.mark.parametrize("text,words", [("{oops", "JSON"), ("", "JSON")])
def test_call_command_bad_json_raises_command_error(tmp_path, text, words):
    from django.core.management import CommandError

    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=words):
        _call(str(path))


def test_call_command_missing_file(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Không tìm thấy"):
        _call(str(tmp_path / "absent.json"))


def _manage(*args, stdin=None):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "thidua.settings"),
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, "manage.py", "evaluate_eligibility", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=180,
        check=False,
    )


def test_subprocess_same_json_and_error_exit(input_file):
    done = _manage(input_file(PAYLOAD))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == evaluate(PAYLOAD)

    failed = _manage("-", stdin=json.dumps(MALFORMED))
    assert failed.returncode != 0
    assert "subjects[0].ratings.2024: xếp loại không hợp lệ 'FOO'" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert failed.stdout.strip() == ""
