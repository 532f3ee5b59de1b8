from django.core.management.base import BaseCommand, CommandError

from thidua.core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Khôi phục cơ sở dữ liệu và tệp đính kèm từ một bản `manage.py backup`. Mọi mã kiểm "
            "tra được đối chiếu trước; sai một tệp là không khôi phục gì cả.")

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
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã khôi phục bản sao lưu lúc {manifest['created_at']} "
                          f"({len(manifest['files'])} tệp).")
