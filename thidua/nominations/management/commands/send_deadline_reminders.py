from django.core.management.base import BaseCommand

from thidua.nominations.workflow.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = ("Nhắc hạn tiếp nhận, thẩm định, bổ sung hồ sơ, công khai và Hội đồng xét (chạy mỗi "
            "ngày; chạy lại trong ngày không nhắc trùng).")

    def handle(self, *args, **options):
        self.stdout.write(f"Đã nhắc {send_deadline_reminders()} người dùng.")
