from django.core.management.base import BaseCommand

from thidua.movements.compliance import send_reminders


class Command(BaseCommand):
    help = "Nhắc các đơn vị chưa nộp báo cáo định kỳ (chạy mỗi ngày, ví dụ bằng Celery beat/cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã nhắc {send_reminders()} người dùng.")
