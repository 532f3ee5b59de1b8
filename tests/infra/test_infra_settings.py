"""Settings for national scale: replicas get the report pages' reads, S3 holds uploads — only
when configured."""
import json
import os
import subprocess
import sys

from infra_processes import ROOT

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from thidua.dbrouters import ReplicaRouter, ReportingReadsMiddleware, reporting_reads
from thidua.organizations.models import Person

router, seen, in_block = ReplicaRouter(), [], None
def view(request):
    seen.append(router.db_for_read(Person))
    return HttpResponse()
if getattr(settings, "DATABASE_ROUTERS", None):
    middleware = ReportingReadsMiddleware(view)
    for method, path in [("GET", "/bao-cao/"), ("POST", "/bao-cao/"), ("GET", "/ca-nhan/")]:
        middleware(getattr(RequestFactory(), method.lower())(path))
    with reporting_reads():
        in_block = router.db_for_read(Person)
print(json.dumps({"aliases": sorted(settings.DATABASES), "seen": seen, "in_block": in_block,
                  "routers": getattr(settings, "DATABASE_ROUTERS", []),
                  "middleware": settings.MIDDLEWARE[-1],
                  "storage": settings.STORAGES["default"],
                  "options": {alias: settings.DATABASES[alias].get("OPTIONS", {})
                              for alias in settings.DATABASES if alias.startswith("replica")}}))
"""


def probe(**env):
    variables = {key: value for key, value in os.environ.items()
                 if key not in {"DATABASE_REPLICA_URLS", "AWS_STORAGE_BUCKET_NAME"}}
    finished = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                              text=True, env={**variables, **env}, check=True)
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_replicas_and_object_storage_when_configured(tmp_path):
    # replica1 accepts connections (an SQLite file stands in), replica2 refuses them.
    found = probe(DATABASE_REPLICA_URLS=f"sqlite:///{tmp_path}/replica.sqlite3,"
                                        "postgres://r@127.0.0.1:1/thidua",
                  AWS_STORAGE_BUCKET_NAME="thidua-media", S3_ENDPOINT_URL="https://s3.example.org")
    assert found["aliases"] == ["default", "replica1", "replica2"]
    assert found["routers"] == ["thidua.dbrouters.ReplicaRouter"]
    assert found["middleware"] == "thidua.dbrouters.ReportingReadsMiddleware"
    report_get, report_post, other_get = found["seen"]
    assert (report_get, found["in_block"]) == ("replica1", "replica1")
    assert (report_post, other_get) == ("default", "default")
    assert found["options"] == {"replica1": {}, "replica2": {"connect_timeout": 3}}
    storage = found["storage"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "thidua-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert storage["OPTIONS"]["default_acl"] == "private"


def test_single_server_has_no_router_and_local_files():
    found = probe()
    assert found["aliases"] == ["default"] and found["routers"] == []
    assert found["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
