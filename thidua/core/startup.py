"""Start-up guard for production servers (called from wsgi.py and asgi.py)."""
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError


def refuse_unsafe_production():
    """Refuse to serve in production while demo accounts (known password) exist."""
    if not settings.PRODUCTION:
        return
    from django.contrib.auth import get_user_model

    try:
        demo_accounts = get_user_model().objects.filter(is_demo=True, is_active=True).count()
    except DatabaseError:
        return  # not migrated yet: nothing to protect
    if demo_accounts:
        raise ImproperlyConfigured(
            f"Còn {demo_accounts} tài khoản demo đang hoạt động; xóa hoặc khóa chúng trước khi "
            "chạy ở chế độ production (manage.py disable_demo_accounts)."
        )
