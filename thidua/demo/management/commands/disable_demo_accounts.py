"""``manage.py disable_demo_accounts``: lock every demo account before going to production."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Khóa (is_active=False) mọi tài khoản demo; production từ chối chạy khi còn tài "
            "khoản này.")

    def handle(self, *args, **options):
        locked = 0
        for user in get_user_model().objects.filter(is_demo=True, is_active=True):
            user.is_active = False
            user.save(update_fields=["is_active"])  # through save(): the history keeps who and when
            locked += 1
        self.stdout.write(self.style.SUCCESS(f"Đã khóa {locked} tài khoản demo."))
