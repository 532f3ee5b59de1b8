import pytest


@pytest.mark.parametrize("path", [
    "/static/vendor/bootstrap/bootstrap.min.css", "/static/vendor/htmx/htmx.min.js",
    "/static/vendor/bootstrap-icons/bootstrap-icons.min.css", "/static/thidua/app.css",
])
def test_vendored_assets_are_served_without_a_cdn(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])
