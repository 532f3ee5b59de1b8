import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from thidua.core.notifications import notify


@pytest.mark.django_db(transaction=True)
def test_notify_fills_inbox_and_emails_after_commit(client, make_user):
    user = make_user(email="canbo@example.org")
    silent = make_user()
    with transaction.atomic():
        notify([user, silent, user], "Hồ sơ mới cần tiếp nhận", "Tờ trình số 12", "/don-vi/")
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(mail.outbox) == 1 and "/don-vi/" in mail.outbox[0].body
    assert user.notifications.count() == 1 and silent.notifications.count() == 1
    client.force_login(user)
    assert "1<span class=\"visually-hidden\"> chưa đọc" in client.get(reverse("core:home")).content.decode()
    page = client.get(reverse("core:inbox")).content.decode()
    assert "Hồ sơ mới cần tiếp nhận" in page
    opened = client.post(reverse("core:inbox"), {"open": user.notifications.get().pk})
    assert opened["Location"] == "/don-vi/"
    assert user.notifications.get().read_at is not None


@pytest.mark.django_db(transaction=True)
def test_rolled_back_work_sends_nothing(make_user):
    user = make_user(email="canbo@example.org")
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            notify([user], "Không được gửi")
            raise RuntimeError
    assert mail.outbox == [] and not user.notifications.exists()


@pytest.mark.django_db
def test_a_fixed_title_reads_in_the_readers_language(make_user):
    from django.utils import translation
    user = make_user()
    notify([user], "Tờ trình mới chờ tiếp nhận")  # sent while Vietnamese is active
    notify([user], "Ghi chú riêng của đơn vị")  # free text: shown as written
    fixed, free = user.notifications.order_by("pk")
    with translation.override("en"):
        assert fixed.shown_title == "New submission letter awaiting receipt"
        assert free.shown_title == "Ghi chú riêng của đơn vị"
    with translation.override("vi"):
        assert fixed.shown_title == "Tờ trình mới chờ tiếp nhận"


@pytest.mark.django_db(transaction=True)
def test_the_unread_badge_is_counted_once_and_follows_every_change(make_user,
                                                                  django_assert_num_queries):
    from thidua.core.notifications import mark_read, unread_count

    user, other = make_user(), make_user()
    assert unread_count(user) == 0
    with django_assert_num_queries(0):
        assert unread_count(user) == 0  # kept
    with transaction.atomic():
        notify([user, other], "Hồ sơ mới cần tiếp nhận")
        assert unread_count(user) == 1  # read inside the change's transaction …
    assert unread_count(user) == 1 and unread_count(other) == 1  # … and forgotten at its commit
    with transaction.atomic():
        notify([user], "Hồ sơ thứ hai")
        assert unread_count(user) == 2
        transaction.set_rollback(True)
    assert unread_count(user) == 1  # the rolled-back notice is not counted
    mark_read(user, user.notifications.get().pk)
    assert unread_count(user) == 0 and unread_count(other) == 1
    mark_read(other)
    assert unread_count(other) == 0
