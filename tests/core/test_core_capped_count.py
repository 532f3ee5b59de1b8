"""A list over the cap is remembered as capped for a while; smaller lists are always counted."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core.views import CappedPaginator
from thidua.organizations.models import Person

pytestmark = pytest.mark.django_db


class SmallCap(CappedPaginator):
    cap = 3


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def make_people(count):
    for index in range(count):
        Person.objects.create(family_name="Nguyễn", given_name=f"Người {index}")


def count_queries(queryset):
    with CaptureQueriesContext(connection) as queries:
        count = SmallCap(queryset, 2).count
    return count, len(queries)


def test_a_capped_list_is_counted_once_then_remembered():
    make_people(5)
    people = Person.objects.order_by("pk")
    assert count_queries(people) == (4, 1)
    assert count_queries(people) == (4, 0)
    assert SmallCap(people, 2).is_capped


def test_a_list_under_the_cap_is_counted_every_time():
    make_people(2)
    people = Person.objects.order_by("pk")
    assert count_queries(people) == (2, 1)
    make_people(1)
    assert count_queries(people) == (3, 1)


def test_another_filter_is_counted_on_its_own():
    make_people(5)
    count_queries(Person.objects.all())
    assert count_queries(Person.objects.filter(given_name="Người 1")) == (1, 1)
    assert count_queries(Person.objects.none()) == (0, 0)


def test_over_the_cap_the_page_says_so_with_the_cap_grouped_the_locales_way():
    from django.utils import translation

    with translation.override("vi"):
        assert CappedPaginator([], 2).capped_message == "Hơn 10.000 kết quả; hãy lọc thêm để thu hẹp."
    with translation.override("en"):
        assert CappedPaginator([], 2).capped_message == (
            "More than 10,000 results; please add filters to narrow down.")
