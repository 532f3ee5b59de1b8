import re
from pathlib import Path

import pytest


@pytest.mark.parametrize("path", [
    "/static/vendor/bootstrap/bootstrap.min.css", "/static/vendor/htmx/htmx.min.js",
    "/static/vendor/bootstrap-icons/bootstrap-icons.min.css", "/static/thidua/app.css",
])
def test_vendored_assets_are_served_without_a_cdn(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])


def test_no_vendored_asset_points_at_a_file_that_is_not_there():
    """collectstatic's manifest storage (production) follows sourceMappingURL comments and fails
    on a map that was not vendored."""
    static = Path(__file__).resolve().parents[2] / "thidua" / "static"
    for asset in [*static.rglob("*.js"), *static.rglob("*.css")]:
        for target in re.findall(r"sourceMappingURL=([^\s*]+)", asset.read_text(errors="ignore")):
            assert (asset.parent / target).exists(), f"{asset.name} → {target}"
