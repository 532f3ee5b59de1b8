"""The exemplars a review names: chosen on the records' page among those of the review's subtree,
shown on the review's own page (movements), which links to the choice."""
from datetime import date

import pytest
from django.urls import reverse
from records_helpers import exemplar

from thidua.accounts.models import Role
from thidua.movements import services
from thidua.movements.models import Movement, Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(network, root_user):
    movement = services.launch_movement(root_user, services.save_movement(root_user, Movement(
        launched_by=network.vca, kind="ANNIVERSARY", title="Thi đua chào mừng 20 năm",
        goals="Nâng cao hiệu quả hoạt động của HTX", start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31), registration_deadline=date(2026, 12, 1),
        midterm_review_date=date(2026, 7, 15), final_review_date=date(2026, 12, 20))))
    return services.save_review(root_user, Review(
        movement=movement, organization=network.hue, kind="MIDTERM", held_on=date(2026, 7, 15),
        summary="Sơ kết 6 tháng"))


def test_a_review_names_exemplars_of_its_subtree_only(network, review, make_user, client):
    here = exemplar(network, network.hue_coop, "Mô hình liên kết chuỗi")
    elsewhere = exemplar(network, network.hanoi_coop, "Cách làm của Hà Nội")
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    page = client.get(reverse("records:review_exemplars", args=[review.pk]))
    assert list(page.context["choices"]) == [here]
    response = client.post(reverse("records:review_exemplars", args=[review.pk]),
                           {"exemplars": [here.pk, elsewhere.pk]})
    assert response.url == reverse("movements:review_detail", args=[review.pk])
    assert list(review.exemplars.all()) == [here] and list(here.reviews.all()) == [review]
    detail = client.get(response.url).content.decode()
    assert "Mô hình liên kết chuỗi" in detail
    assert reverse("records:review_exemplars", args=[review.pk]) in detail


def test_only_the_levels_officers_choose(network, review, make_user, client):
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.get(reverse("records:review_exemplars", args=[review.pk])).status_code == 403
    assert client.post(reverse("records:review_exemplars", args=[review.pk])).status_code == 403


def test_naming_exemplars_ignores_ids_no_database_holds(review, root_user, client):
    """The form fuzzer's 40-digit id made the exemplar list of a review a 500 (OverflowError)."""
    client.force_login(root_user)
    response = client.post(reverse("records:review_exemplars", args=[review.pk]),
                           {"exemplars": ["9" * 40, "-1", "x"]})
    assert response.status_code == 302 and not review.exemplars.exists()
