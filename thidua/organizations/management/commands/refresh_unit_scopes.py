from django.core.management.base import BaseCommand

from thidua.organizations import unit_scope


class Command(BaseCommand):
    help = ("Cập nhật phạm vi đơn vị của cá nhân có quá trình công tác vừa kết thúc (chạy mỗi "
            "đêm, ví dụ bằng Celery beat/cron); --all tính lại cho mọi cá nhân.")

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="tính lại cho mọi cá nhân")

    def handle(self, *args, **options):
        if options["all"]:
            unit_scope.refresh_all()
        else:
            unit_scope.refresh_ended()
