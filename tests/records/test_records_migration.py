"""The records left movements for their own app (issue 20) without losing a row: ids, history,
the links between them and to reviews, and the content types (hence permissions) carry over."""
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("movements", "0005_registration_closed")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_links_and_content_types_move_to_records(network):
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    content_type = ContentType.objects.get(app_label="records", model="exemplar").pk
    try:
        old = migrate(BEFORE)
        Movement, Review, Exemplar, Event = (old.get_model("movements", name) for name in (
            "Movement", "Review", "Exemplar", "Event"))
        movement = Movement.objects.create(
            launched_by_id=network.hue.pk, kind="REGULAR", title="Thi đua 2026", goals="x",
            start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
        review = Review.objects.create(movement=movement, organization_id=network.hue.pk,
                                       kind="MIDTERM", held_on=date(2026, 7, 1), summary="x")
        exemplar = Exemplar.objects.create(unit_id=network.hue_coop.pk, title="Mô hình chuỗi",
                                           story="x", found_on=date(2026, 3, 1))
        review.exemplars.add(exemplar)
        event = Event.objects.create(organizer_id=network.hue.pk, kind="CONGRESS", title="Đại hội",
                                     held_on=date(2026, 9, 1))
        event.reviews.add(review)
        event.exemplars.add(exemplar)
        assert ContentType.objects.filter(app_label="movements", model="exemplar").exists()

        new = migrate(leaves)
        Exemplar, Event = new.get_model("records", "Exemplar"), new.get_model("records", "Event")
        moved = Exemplar.objects.get(pk=exemplar.pk)
        assert moved.title == "Mô hình chuỗi" and Exemplar._meta.db_table == "records_exemplar"
        assert list(moved.reviews.values_list("pk", flat=True)) == [review.pk]
        assert list(Event.objects.get(pk=event.pk).exemplars.all()) == [moved]
        assert list(Event.objects.get(pk=event.pk).reviews.values_list("pk", flat=True)) == [
            review.pk]
        assert ContentType.objects.get(app_label="records", model="exemplar").pk == content_type
        assert not ContentType.objects.filter(app_label="movements", model="exemplar").exists()
    finally:
        migrate(leaves)
