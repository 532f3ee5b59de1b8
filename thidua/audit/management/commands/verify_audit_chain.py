from django.core.management.base import BaseCommand, CommandError

from thidua.audit.chain import verify


class Command(BaseCommand):
    help = "Kiểm tra chuỗi băm của nhật ký kiểm toán; lỗi (mã thoát 1) nếu có mục bị sửa, xóa, chèn."

    def handle(self, *args, **options):
        verdict = verify()
        for entry_id, reason in verdict.broken:
            self.stderr.write(f"#{entry_id}: {reason}")
        if not verdict.intact:
            raise CommandError(f"Chuỗi nhật ký bị phá vỡ: {len(verdict.broken)} lỗi trên "
                               f"{verdict.checked} mục.")
        self.stdout.write(self.style.SUCCESS(f"Chuỗi nhật ký nguyên vẹn ({verdict.checked} mục)."))
