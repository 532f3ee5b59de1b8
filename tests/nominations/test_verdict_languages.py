"""The engine's verdict is recorded in both languages of the site, and each reader sees it in
theirs: an English page never shows the engine's Vietnamese sentences."""
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

pytestmark = pytest.mark.django_db


def test_the_verdict_keeps_its_english_wording_beside_the_vietnamese(pipeline):
    item = pipeline.draft(codes=("GK",)).items.get()
    verdict = item.engine_verdict
    english = verdict["wording"]["en"]
    assert set(english) == {"reasons", "missing", "manual_checks", "rule"}
    said = verdict["reasons"] + verdict["missing"]
    assert said and len(english["reasons"] + english["missing"]) == len(said)
    assert english["reasons"] + english["missing"] != said


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_appraiser_reads_the_verdict_in_the_page_language(pipeline, client, language):
    batch = pipeline.to_appraisal(pipeline.draft(codes=("GK",)))
    verdict = batch.items.get().engine_verdict
    shown = verdict if language == "vi" else verdict["wording"]["en"]
    hidden = verdict["wording"]["en"] if language == "vi" else verdict
    client.force_login(pipeline.hue.appraiser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("nominations:batch_appraisal", args=[batch.pk])).content.decode()
    for sentence in shown["reasons"] + shown["missing"]:
        assert escape(sentence) in page
    for sentence in hidden["reasons"] + hidden["missing"]:
        assert escape(sentence) not in page
