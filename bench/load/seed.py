#!/usr/bin/env python
"""Users, signed-in sessions and a council session for the load test, on a database built by
``bench/org_scale.py`` (run by ``bench/load/run.sh``, which passes the environment).

In the first provincial alliance: up to ``LOAD_USERS`` cooperatives each get a reporter
``load-<n>`` (password ``LOAD_PASSWORD``) who is also a member of the province's emulation
council; the province gets an officer, an appraiser, a secretary and a signer. One batch of five
nominees goes through the real workflow (draft → appraisal → council) and a session opens on it,
so every load user can vote once. Idempotent: a second run adds no rows but the sessions.

Real users sign in once per 8-hour session, so the load users do not: ``LOAD_USERS`` sessions of
the reporters (round robin when the province has fewer cooperatives) and as many of the officer
are written to the session store as ``django.contrib.auth.login`` writes them, and their cookies
to ``LOAD_SESSIONS`` (JSON) for the locustfile. Must run with the server's SECRET_KEY (the
session data and the auth hash are signed with it). Touches a few hundred rows whatever the size
of the database.

    DATABASE_URL=… LOAD_SESSIONS=/tmp/sessions.json .venv/bin/python bench/load/seed.py
"""
import json
import os
import sys
import time
from datetime import date
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

import django

django.setup()

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from thidua.accounts.models import RoleAssignment, User
from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import Council, CouncilMembership, CouncilSession
from thidua.nominations.states import AttachmentKind, SubjectKind, Verdict
from thidua.organizations.models import Employment, Organization, OrganizationKind

USERS = int(os.environ.get("LOAD_USERS", "200"))
LOAD_PASSWORD = "load-test-password-2026"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def user(username, role, unit, password=make_password(LOAD_PASSWORD)):  # one hash for all
    account, _created = User.objects.get_or_create(username=username,
                                                   defaults={"password": password})
    RoleAssignment.objects.get_or_create(user=account, organization=unit, role=role,
                                         defaults={"include_descendants": True})
    return account


@transaction.atomic
def seed():
    province = Organization.objects.filter(
        kind=OrganizationKind.PROVINCIAL_ALLIANCE).order_by("path").first()
    coops = list(Organization.objects.filter(
        path__startswith=province.path, kind=OrganizationKind.COOPERATIVE,
        depth=province.depth + 1).order_by("path")[:USERS])
    reporters = [user(f"load-{n}", "UNIT_REPORTER", coop) for n, coop in enumerate(coops)]
    staff = {role: user(f"load-{role.lower()}", role, province)
             for role in ("EC_OFFICER", "APPRAISER", "COUNCIL_SECRETARY", "SIGNER")}
    council, _created = Council.objects.get_or_create(
        organization=province, defaults={"name": f"Hội đồng TĐKT {province.short_name}"})
    for index, member in enumerate(reporters):
        CouncilMembership.objects.get_or_create(council=council, user=member, defaults={
            "role": "CHAIR" if index == 0 else "MEMBER", "start_date": date(2020, 1, 1)})
    if CouncilSession.objects.filter(council=council).exists():
        return province, council
    reporter, coop = reporters[0], coops[0]
    batch = workflow.create_batch(reporter, coop, province, title="Đề nghị khen thưởng (tải)",
                                  year=2025)
    for kind in (AttachmentKind.SUBMISSION_LETTER, AttachmentKind.MINUTES,
                 AttachmentKind.BALLOT_RESULT):
        workflow.add_attachment(reporter, batch, kind, pdf(f"{kind.lower()}.pdf"))
    people = [e.person for e in Employment.objects.filter(
        organization=coop, end_date__isnull=True).select_related("person")[:5]]
    for person in people:
        item = workflow.add_nomination(reporter, batch, SubjectKind.INDIVIDUAL,
                                       AwardType.objects.get(code="GK"), person=person,
                                       achievement="Hoàn thành xuất sắc nhiệm vụ")
        workflow.add_attachment(reporter, batch, AttachmentKind.ACHIEVEMENT_REPORT,
                                pdf("thanh-tich.pdf"), item=item)
    workflow.submit_batch(reporter, batch)
    workflow.receive_batch(staff["EC_OFFICER"], batch)
    workflow.start_appraisal(staff["EC_OFFICER"], batch, staff["APPRAISER"])
    for item in batch.items.all():
        workflow.appraise_item(staff["APPRAISER"], item, Verdict.ELIGIBLE, override_reason=""
                               if item.engine_eligible in (None, True) else "Đã xác minh")
    workflow.send_to_council(staff["EC_OFFICER"], batch)
    workflow.open_session(staff["COUNCIL_SECRETARY"], council, "Phiên họp (tải)",
                          list(batch.items.all()))
    return province, council


def signed_in(account):
    """A new session of ``account``, with the keys ``django.contrib.auth.login`` stores."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.update({SESSION_KEY: account._meta.pk.value_to_string(account),
                  BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                  HASH_SESSION_KEY: account.get_session_auth_hash(),
                  "last_seen": int(time.time())})  # accounts.middleware.IdleTimeoutMiddleware
    store.create()
    return store.session_key


def sessions(province):
    reporters = list(User.objects.filter(
        username__startswith="load-", role_assignments__role="UNIT_REPORTER",
        role_assignments__organization__path__startswith=province.path).distinct().order_by("pk"))
    officer = User.objects.get(username="load-ec_officer")
    return {
        "cookie": settings.SESSION_COOKIE_NAME,
        "reporters": [[reporters[n % len(reporters)].username,
                       signed_in(reporters[n % len(reporters)])] for n in range(USERS)],
        "officer": [signed_in(officer) for _n in range(USERS)],
        "password": LOAD_PASSWORD,
    }


if __name__ == "__main__":
    started = time.monotonic()
    province, council = seed()
    session = CouncilSession.objects.filter(council=council).latest("pk")
    made = {**sessions(province), "council_session_url": session.get_absolute_url()}
    Path(os.environ.get("LOAD_SESSIONS", "/tmp/thidua-load/sessions.json")).write_text(
        json.dumps(made))
    print(f"{province}: {len({name for name, _key in made['reporters']})} reporters, "
          f"{USERS} + {USERS} sessions, council session {made['council_session_url']} "
          f"({time.monotonic() - started:.1f} s)")
