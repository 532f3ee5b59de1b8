"""The intake pages: upload, the review screen with every row and problem, commit and discard."""
import pytest
from django.urls import reverse
from interchange_samples import letter, raw, report, upload

from thidua.accounts.models import Role
from thidua.awards.models import Award, AwardType
from thidua.interchange.models import Intake
from thidua.nominations.models import NominationBatch

pytestmark = pytest.mark.django_db
ROWS = [("1", "Nguyễn Văn Điệp", "Thành viên", "HTX Nông nghiệp Thủy Thanh", "Giấy khen"),
        ("2", "Hồ Thị Lan", "Kế toán", "HTX Nông nghiệp Thủy Thanh", "Huy chương vàng")]


def test_upload_review_and_commit(client, network, hue_officer):
    client.force_login(hue_officer)
    start = reverse("interchange:start")
    assert start in client.get(reverse("nominations:batch_list")).content.decode()
    assert client.get(start).status_code == 200
    response = client.post(start, {"files": [upload(letter(rows=ROWS))], "proposer": ""})
    intake = Intake.objects.get()
    assert response.url == intake.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert "Nguyễn Văn Điệp" in page and "Hồ Thị Lan" in page
    assert "Không nhận ra “Huy chương vàng”" in page
    assert "to-trinh.docx, bảng 2, dòng 3" in page
    form = {"authority": network.hue.pk, "title": intake.title, "reference": intake.reference,
            "year": 2025, "choice-0": str(network.hue_person.pk), "award-0": "GK",
            "choice-1": "new", "award-1": "", "gender-1": "FEMALE", "commit": "1"}
    refused = client.post(response.url, form)
    assert "chưa chọn danh hiệu" in refused.content.decode()
    assert not NominationBatch.objects.exists()
    done = client.post(response.url, dict(form, **{"award-1": "GK"}))
    batch = NominationBatch.objects.get()
    assert done.url == batch.get_absolute_url()
    assert batch.items.count() == 2


def test_bad_upload_rerenders_with_the_reason(client, network, hue_officer):
    client.force_login(hue_officer)
    response = client.post(reverse("interchange:start"), {"files": [raw("x.docx", b"garbage")]})
    assert response.status_code == 200
    assert "“x.docx” bị hỏng" in response.content.decode()
    assert not Intake.objects.exists()


def test_discard_deletes_the_files(client, network, hue_officer):
    client.force_login(hue_officer)
    client.post(reverse("interchange:start"), {"files": [upload(letter(rows=ROWS[:1]))]})
    intake = Intake.objects.get()
    stored = intake.files.get().file
    assert stored.storage.exists(stored.name)
    client.post(intake.get_absolute_url(), {"discard": "1"})
    intake.refresh_from_db()
    assert intake.status == "DISCARDED" and not stored.storage.exists(stored.name)


def test_viewers_cannot_open_intake_pages(client, network, make_user):
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.get(reverse("interchange:start")).status_code == 403


def test_past_awards_already_in_the_registry_are_not_offered_again(client, network, hue_officer):
    Award.objects.create(person=network.hue_person, year=2023,
                         award_type=AwardType.objects.get(code="LDTT"))
    client.force_login(hue_officer)
    client.post(reverse("interchange:start"), {"files": [
        upload(letter(rows=ROWS[:1])),
        upload(report("Nguyễn Văn Điệp", "17/05/1980", "HTX Nông nghiệp Thủy Thanh", [
            ["2023", "Lao động tiên tiến", "Số 15/QĐ-HTX ngày 20/12/2023"],
            ["2024", "Chiến sĩ thi đua cơ sở", "Số 20/QĐ-LMHTX ngày 10/01/2025"]]), "bc.docx")]})
    page = client.get(Intake.objects.get().get_absolute_url()).content.decode()
    assert 'id="past-0" disabled' in page and "đã có trong sổ" in page
    assert 'id="past-1">' in page


def test_a_user_of_another_unit_sees_no_intake(client, network, hue_officer, hanoi_officer,
                                              settings):
    from thidua.core import scopes

    settings.THIDUA_UNSCOPED_READS = "raise"
    client.force_login(hue_officer)
    client.post(reverse("interchange:start"), {"files": [upload(letter(rows=ROWS))],
                                                "proposer": ""})
    intake = Intake.objects.get()
    with scopes.serving("/lien-thong/tiep-nhan/"):
        assert list(Intake.objects.visible_to(hanoi_officer)) == []
        assert list(Intake.objects.visible_to(hue_officer)) == [intake]
        with pytest.raises(scopes.ScopeError, match="interchange.Intake"):
            list(Intake.objects.all())
    client.force_login(hanoi_officer)
    assert client.get(intake.get_absolute_url()).status_code == 403
    assert intake.get_absolute_url() not in client.get(
        reverse("interchange:start")).content.decode()
