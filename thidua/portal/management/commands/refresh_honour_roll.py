from django.core.management.base import BaseCommand

from thidua.portal import honour


class Command(BaseCommand):
    help = "Dựng lại bảng vàng của cổng thông tin từ sổ khen thưởng (sau khi nhập hàng loạt)."

    def handle(self, *args, **options):
        count = honour.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Bảng vàng: {count} mục."))
