"""The award catalogue is versioned: edited in the admin as new versions, picked by date."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from thidua.awards.admin import AwardTypeForm
from thidua.awards.models import AwardType
from thidua.awards.qualification import types_in_force

pytestmark = pytest.mark.django_db


def admin_data(award_type, **changes):
    """What the admin's change form posts unchanged, plus ``changes``."""
    form = AwardTypeForm(instance=award_type)
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value not in (None, False)}
    data.update(changes)
    return data


def test_overlapping_versions_are_refused():
    gk = AwardType.objects.get(code="GK")
    clash = AwardType(code="GK", name="Giấy khen (bản mới)", abbreviation="GK",
                      category=gk.category, subject_kind=gk.subject_kind,
                      authority_level=gk.authority_level, valid_from=date(2030, 1, 1))
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "valid_from" in error.value.message_dict
    clash.closes_previous = True  # a new version that ends the open one before it
    clash.full_clean()


def test_admin_refuses_editing_a_rule_in_force_and_saves_a_new_version(client, root_user, today):
    client.force_login(root_user)
    gk = AwardType.objects.get(code="GK")
    url = reverse("admin:awards_awardtype_change", args=[gk.pk])
    assert client.get(url).status_code == 200
    refused = client.post(url, admin_data(gk, threshold_percent="60"))
    assert refused.status_code == 200 and "Lưu thành bản mới" in refused.content.decode()
    gk.refresh_from_db()
    assert gk.threshold_percent == 50
    renamed = client.post(url, admin_data(gk, name="Giấy khen của Giám đốc"))  # not a rule
    assert renamed.status_code == 302
    start = today + timedelta(days=10)
    created = client.post(url, admin_data(gk, threshold_percent="60",
                                          valid_from=start.isoformat(), _saveasnew="1"))
    assert created.status_code == 302
    old, new = AwardType.objects.filter(code="GK").order_by("pk")
    assert old.valid_to == start - timedelta(days=1) and new.valid_from == start
    assert new.threshold_percent == 60 and old.threshold_percent == 50
    assert old.history.count() >= 2  # every change kept
    assert list(AwardType.objects.in_force(start).filter(code="GK")) == [new]
    assert list(AwardType.objects.in_force(today).filter(code="GK")) == [old]


def test_who_qualifies_suggests_only_types_in_force():
    as_of = date(2025, 12, 15)
    assert "CSTD_BO" in types_in_force(as_of)
    AwardType.objects.filter(code="CSTD_BO").update(valid_to=date(2025, 6, 30))
    assert "CSTD_BO" not in types_in_force(as_of)
    assert "CSTD_BO" in types_in_force(date(2025, 1, 15))
    assert types_in_force(as_of, ["GK", "LDTT"]) == ["GK", "LDTT"]



def test_every_seeded_title_and_form_has_an_english_name_shown_in_english_only():
    assert not AwardType.objects.filter(name_en="") and not AwardType.objects.filter(
        abbreviation_en="")
    gk = AwardType.objects.get(code="GK")
    assert (str(gk), gk.short_label) == ("Giấy khen", "GK")
    with translation.override("en"):
        assert (str(gk), gk.label, gk.short_label) == (
            "Certificate of Commendation", "Certificate of Commendation", "Commendation")
        gk.name_en = ""
        assert gk.label == "Giấy khen"  # nothing entered: the Vietnamese name, never a blank


def test_the_admin_edits_both_names_and_the_english_one_is_not_a_rule(client, root_user):
    """Correcting the English name of a version in force needs no new version."""
    client.force_login(root_user)
    gk = AwardType.objects.get(code="GK")
    url = reverse("admin:awards_awardtype_change", args=[gk.pk])
    page = client.get(url).content.decode()
    assert 'name="name_en"' in page and 'name="abbreviation_en"' in page
    saved = client.post(url, admin_data(gk, name_en="Certificate of Commendation (Director)",
                                        abbreviation_en="Commendation (D)"))
    assert saved.status_code == 302
    gk.refresh_from_db()
    assert (gk.name, gk.name_en) == ("Giấy khen", "Certificate of Commendation (Director)")
    assert gk.abbreviation_en == "Commendation (D)"
