"""``manage.py load_demo``: load the demo network, people, blocs and accounts (see thidua.demo)."""
import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from thidua.demo import builders
from thidua.demo.accounts import DemoAccountConflict

TOTALS = [("organizations", "Đơn vị"), ("groups", "Khối, cụm thi đua (theo năm)"),
          ("memberships", "Lượt thành viên khối, cụm"), ("people", "Cá nhân"),
          ("employments", "Quá trình công tác"), ("accounts", "Tài khoản demo")]


class Command(BaseCommand):
    help = "Nạp dữ liệu demo (chạy lại không tạo trùng) và in danh sách tài khoản demo."

    def add_arguments(self, parser):
        parser.add_argument("--small", action="store_true",
                            help="Đủ mạng lưới và tài khoản nhưng chỉ 1–2 người mỗi đơn vị "
                                 "(cho kiểm thử).")

    def handle(self, *args, small=False, verbosity=1, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "Không nạp dữ liệu demo ở chế độ production (THIDUA_ENV=production).")
        started = time.monotonic()
        try:
            # The demo's dossiers notify their demo accounts as they move; in the inbox, not by
            # mail to addresses that do not exist.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                summary = builders.load(small=small)
        except DemoAccountConflict as error:
            raise CommandError(str(error)) from error
        if verbosity:
            self._print(summary, time.monotonic() - started)

    def _print(self, summary, seconds):
        write = self.stdout.write
        write(self.style.SUCCESS(f"Đã nạp dữ liệu demo trong {seconds:.1f} giây."))
        write("Số lượng trong cơ sở dữ liệu (mới tạo lần này trong ngoặc):")
        for key, label in TOTALS:
            write(f"  {label:<32} {summary.totals[key]:>6}  ({summary.created[key]})")
        for label, count in summary.kinds:
            write(f"    · {label:<46} {count:>5}")
        for line in summary.signing:
            write(line)
        port = os.environ.get("PORT", "8000")
        write("")
        write(self.style.MIGRATE_HEADING(
            f"Tài khoản demo — mật khẩu chung: {settings.THIDUA_DEMO_PASSWORD} — "
            f"đăng nhập tại http://127.0.0.1:{port}"))
        width = max(len(row.username) for row in summary.accounts)
        role_width = max(len(row.role) for row in summary.accounts)
        for row in summary.accounts:
            write(f"  {row.username:<{width}}  {row.role:<{role_width}}  {row.unit}")
        write("Khóa toàn bộ tài khoản demo: python manage.py disable_demo_accounts")
