from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from thidua.core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = ("Sao lưu cơ sở dữ liệu và mọi tệp đính kèm vào một tệp .tar.gz có danh mục mã kiểm "
            "tra SHA-256 (khôi phục bằng `manage.py restore`).")

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.VAR_DIR / "backups"),
                            help="thư mục ghi bản sao lưu (mặc định var/backups)")

    def handle(self, *args, output, **options):
        try:
            archive = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã sao lưu vào {archive} (mã kiểm tra: {archive}.sha256).")
