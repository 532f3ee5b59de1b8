import tempfile

from django.core.management.base import BaseCommand, CommandError

from thidua.core.backups import BackupError
from thidua.core.restoring import restore_backup


class Command(BaseCommand):
    help = ("Khôi phục cơ sở dữ liệu và tệp đính kèm từ một bản `manage.py backup`, trọn vẹn hoặc "
            "không gì cả: mọi mã kiểm tra, phiên bản, thư mục và chỗ trống được kiểm trước; tệp "
            "được chép vào chỗ tạm rồi mới thay; lỗi ở bước nào cũng để hệ thống như cũ.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp thidua-….tar.gz")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="không hỏi xác nhận")

    def handle(self, *args, archive, interactive, **options):
        if interactive and input(
                "Dữ liệu hiện có sẽ bị thay bằng nội dung bản sao lưu. Gõ 'yes' để tiếp tục: "
        ) != "yes":
            raise CommandError("Đã hủy khôi phục.")
        try:
            with tempfile.TemporaryDirectory(prefix="thidua-restore-") as scratch:
                manifest = restore_backup(archive, scratch)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã khôi phục bản sao lưu lúc {manifest['created_at']} "
                          f"({len(manifest['files'])} tệp).")
