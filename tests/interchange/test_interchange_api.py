"""The interchange API, both directions, with the pages' permissions."""
import pytest
from interchange_samples import letter, upload

from thidua.accounts.models import ApiToken
from thidua.interchange.receiving import verify_package
from thidua.nominations.models import NominationBatch

pytestmark = pytest.mark.django_db
ROW = ("1", "Nguyễn Văn Điệp", "Thành viên", "HTX Nông nghiệp Thủy Thanh", "Giấy khen")


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'Liên thông')[1]}"}


def test_word_upload_review_and_commit(client, network, hue_officer, hanoi_officer):
    headers = auth(hue_officer)
    response = client.post("/api/v1/interchange/intakes",
                           {"files": [upload(letter(rows=[ROW]))]}, **headers)
    assert response.status_code == 201, response.content
    intake = response.json()
    assert (intake["proposer_id"], intake["reference"], intake["award_codes"]) == (
        network.hue_coop.pk, "12/TTr-HTX", ["GK"])
    assert intake["rows"][0]["match"]["id"] == network.hue_person.pk

    other = auth(hanoi_officer)
    assert client.get(f"/api/v1/interchange/intakes/{intake['id']}", **other).status_code == 404
    assert client.post(f"/api/v1/interchange/intakes/{intake['id']}/commit", {},
                       content_type="application/json", **other).status_code == 404

    committed = client.post(f"/api/v1/interchange/intakes/{intake['id']}/commit",
                            {"title": "Đề nghị tặng Giấy khen"},
                            content_type="application/json", **headers)
    assert committed.status_code == 201, committed.content
    batch = NominationBatch.objects.get(pk=committed.json()["batch_id"])
    assert (batch.title, batch.items.get().person) == ("Đề nghị tặng Giấy khen",
                                                       network.hue_person)


def test_bad_word_file_is_a_400_with_the_reason(client, network, hue_officer):
    response = client.post("/api/v1/interchange/intakes",
                           {"files": [upload(letter(header=None), "trong.docx")]},
                           **auth(hue_officer))
    assert response.status_code == 400
    assert "Không tìm thấy bảng danh sách" in response.json()["problems"][0]


def test_package_download_and_receive(client, network, forwarded, hue_officer, vca_officer,
                                      hanoi_officer):
    checklist = client.get(f"/api/v1/interchange/batches/{forwarded.pk}/package/checklist",
                           **auth(hue_officer))
    assert checklist.json()["ready"] is True
    assert client.get(f"/api/v1/interchange/batches/{forwarded.pk}/package",
                      **auth(hanoi_officer)).status_code == 404
    download = client.get(f"/api/v1/interchange/batches/{forwarded.pk}/package",
                          **auth(hue_officer))
    assert download["Content-Type"] == "application/zip"
    verify_package("goi.zip", download.content)

    from django.core.files.uploadedfile import SimpleUploadedFile

    received = client.post("/api/v1/interchange/packages", {"package": SimpleUploadedFile(
        "goi.zip", download.content)}, **auth(vca_officer))
    assert received.status_code == 201, received.content
    assert received.json()["rows"][0]["match"]["id"] == network.hue_person.pk
    refused = client.post("/api/v1/interchange/packages", {"package": SimpleUploadedFile(
        "goi.zip", download.content)}, **auth(hanoi_officer))
    assert refused.status_code == 400
    assert "không thuộc phạm vi" in refused.json()["problems"][0]
