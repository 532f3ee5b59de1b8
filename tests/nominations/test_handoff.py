from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards import services as award_services
from thidua.awards.models import AwardType
from thidua.core import scopes
from thidua.movements import services as movement_services
from thidua.movements.models import Movement, Review, ReviewProposal
from thidua.nominations.models import NominationBatch


@pytest.fixture
def review(network, root_user):
    movement = movement_services.save_movement(root_user, Movement(
        launched_by=network.hue, kind="REGULAR", title="Thi đua năm 2026", goals="x",
        start_date=date(2026, 1, 1), end_date=date(2026, 12, 31)))
    review = movement_services.save_review(root_user, Review(
        movement=movement, organization=network.hue, kind="FINAL", held_on=date(2026, 12, 20),
        summary="Tổng kết"))
    ReviewProposal.objects.create(review=review, organization=network.hue_coop,
                                  award_type=AwardType.objects.get(code="GK"), note="Dẫn đầu")
    ReviewProposal.objects.create(review=review, organization=network.hanoi_coop,
                                  award_type=AwardType.objects.get(code="GK"), note="Ngoài phạm vi")
    return review


@pytest.mark.django_db
def test_review_proposals_become_a_draft_batch(client, network, review, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("nominations:from_review", args=[review.pk]), follow=True)
    batch = NominationBatch.objects.get()
    assert batch.state == "DRAFT" and batch.proposer == network.hue
    assert [item.organization for item in batch.items.all()] == [network.hue_coop]
    page = response.content.decode()
    assert "Chưa đưa Hợp tác xã Rau sạch Văn Đức vào" in page  # the Hà Nội unit is refused
    assert not review.proposals.filter(handed_over_at__isnull=True).exists()
    again = client.post(reverse("nominations:from_review", args=[review.pk]), follow=True)
    assert "Không còn đề nghị nào" in again.content.decode()


@pytest.mark.django_db
def test_viewer_cannot_hand_over(client, network, review, make_user):
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.post(reverse("nominations:from_review", args=[review.pk])).status_code == 403
    assert not NominationBatch.objects.exists()


@pytest.mark.django_db
def test_who_qualifies_selection_starts_a_batch(client, network, root_user, make_user):
    award_services.set_rating(root_user, 2025, "EXCELLENT", person=network.hue_person)
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    report = client.get(reverse("awards:qualification", args=[network.hue.pk]), {"year": 2025})
    assert f'value="p{network.hue_person.pk}:LDTT"' in report.content.decode()
    client.post(reverse("nominations:from_selection", args=[network.hue.pk]), {
        "year": 2025, "selected": [f"p{network.hue_person.pk}:LDTT",
                                   f"p{network.hanoi_person.pk}:LDTT", "bogus"]})
    batch = NominationBatch.objects.get()
    assert batch.year == 2025
    assert [(i.person, i.award_type.code) for i in batch.items.all()] == [(network.hue_person, "LDTT")]
    assert batch.items.get().engine_verdict["eligible"] is True


@pytest.mark.django_db
def test_a_user_of_another_unit_sees_no_review(client, network, review, make_user, settings):
    settings.THIDUA_UNSCOPED_READS = "raise"
    other, reader = (make_user(Role.EC_OFFICER, network.hanoi),
                     make_user(Role.VIEWER, network.hue))
    with scopes.serving("/phong-trao/so-ket-tong-ket/"):
        assert list(Review.objects.visible_to(other)) == []
        assert list(Review.objects.visible_to(reader)) == [review]
        with pytest.raises(scopes.ScopeError, match="movements.Review"):
            list(Review.objects.all())
    client.force_login(other)
    assert client.get(reverse("movements:review_detail", args=[review.pk])).status_code == 403
    assert client.post(reverse("nominations:from_review", args=[review.pk])).status_code == 403
    assert client.get("/api/v1/reviews").json()["items"] == []
