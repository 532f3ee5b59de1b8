from django.core.management.base import BaseCommand, CommandError

from thidua.audit.chain import verify


class Command(BaseCommand):
    help = ("Kiểm tra nhật ký kiểm toán: chuỗi mã xác thực (khóa THIDUA_AUDIT_KEYS) và các điểm "
            "kiểm tra ngoài CSDL; lỗi (mã thoát 1) nếu có mục bị sửa, xóa, chèn, băm lại hoặc khóa "
            "bị đổi, kèm vị trí.")

    def handle(self, *args, **options):
        verdict = verify()
        for entry_id, reason in verdict.broken:
            self.stderr.write(f"#{entry_id}: {reason}" if entry_id else reason)
        if verdict.checkpoints:
            self.stdout.write(f"So với {verdict.checkpoints} điểm kiểm tra ngoài CSDL, mới nhất "
                              f"lúc {verdict.last_checkpoint}.")
        else:
            self.stdout.write("Chưa có điểm kiểm tra nào ngoài CSDL: không phát hiện được việc "
                              "xóa các mục cuối.")
        if not verdict.intact:
            raise CommandError(f"Chuỗi nhật ký bị phá vỡ: {len(verdict.broken)} lỗi trên "
                               f"{verdict.checked} mục.")
        self.stdout.write(self.style.SUCCESS(f"Chuỗi nhật ký nguyên vẹn ({verdict.checked} mục)."))
