"""``python manage.py evaluate_eligibility INPUT.json`` (or ``-`` for stdin): print the verdicts.

The command line door of the eligibility engine: same input and output JSON as
``thidua.awards.eligibility.evaluate``. It needs no database.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.awards.eligibility import EligibilityInputError, evaluate


class Command(BaseCommand):
    help = (
        "Xét điều kiện khen thưởng theo dữ liệu JSON trong tệp INPUT.json (hoặc '-' để đọc từ "
        "đầu vào chuẩn) và in kết quả dạng JSON."
    )
    requires_system_checks = ()
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "input", metavar="INPUT.json", help="tệp JSON đầu vào; '-' để đọc từ đầu vào chuẩn"
        )

    def handle(self, *args, **options):
        source = options["input"]
        payload = _load(source, options.get("stdin") or sys.stdin)
        try:
            result = evaluate(payload)
        except EligibilityInputError as error:
            raise CommandError(f"Dữ liệu không hợp lệ: {error}") from None
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))


def _load(source, stdin):
    name = "đầu vào chuẩn" if source == "-" else f"tệp {source}"
    title = name[:1].upper() + name[1:]
    try:
        text = stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"Không tìm thấy {name}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{title} không phải văn bản UTF-8") from None
    except OSError as error:
        raise CommandError(f"Không đọc được {name}: {error.strerror}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{title} không phải JSON hợp lệ (dòng {error.lineno}, cột {error.colno})"
        ) from None
    except RecursionError:
        raise CommandError(f"{title} lồng quá sâu") from None
