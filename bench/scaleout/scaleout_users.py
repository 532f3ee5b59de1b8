"""Load of ``bench/scaleout/run.sh``: the mixed users of ``bench/load/locustfile.py`` (reporters
browsing, searching, nominating, voting) plus two kinds that show where report pages read from.
Needs ``bench/load`` on PYTHONPATH and the environment of ``bench/load/run.sh`` (LOAD_SESSIONS…).

``ReportUser``: the province EC officer, signed in, reading report pages (GETs under
``/bao-cao/``, which the router sends to a replica).

``WriterUser``: the same officer adds an E&C department (POST ``/bao-cao/bo-may/them/``) and at
once reads the department list filtered on its unique name — with the read-your-writes cookie the
POST set (must read the primary and show the department: a failure otherwise), then, as a
control, with the same session but without that cookie (reads a replica, which run.sh keeps
``APPLY_DELAY`` behind: it may not show it yet; not a failure).

Every report GET appends ``<unix time> <kind> <primary|replica|none> <saw own write 1|0|->`` to
``READS_LOG``, from the ``X-Bench-Reads`` header of ``read_tally.py``.
"""
import os
import re
import time
import uuid

from locust import between, constant, task
from locust.clients import HttpSession
from locustfile import MADE, MixUser, SignedIn, first_option, redirected

READS_LOG = os.environ.get("READS_LOG", "/tmp/thidua-scaleout/reads.log")
REPORT_PAGES = {"/bao-cao/": "report dashboard", "/bao-cao/tong-ket/": "report annual",
                "/bao-cao/bo-may/": "report departments", "/bao-cao/can-bo/": "report staff"}


def served_from(response):
    reads = dict(item.split("=") for item in response.headers.get("X-Bench-Reads", "").split())
    if any(int(n) for alias, n in reads.items() if alias.startswith("replica")):
        return "replica"
    return "primary" if int(reads.get("default", 0)) else "none"


def note(kind, response, saw="-"):
    with open(READS_LOG, "a", encoding="utf-8") as log:
        log.write(f"{time.time():.3f} {kind} {served_from(response)} {saw}\n")


class ReportUser(SignedIn):
    wait_time = between(float(os.environ.get("THINK_MIN", "1")),
                        float(os.environ.get("THINK_MAX", "3")))

    @task
    def read_reports(self):
        for url, name in REPORT_PAGES.items():
            response = self.client.get(url, name=name)
            if response.ok:
                note("report", response)


class WriterUser(SignedIn):
    fixed_count = int(os.environ.get("WRITER_USERS", "2"))
    wait_time = constant(float(os.environ.get("WRITE_EVERY", "4")))

    def on_start(self):
        super().on_start()
        self.control = HttpSession(self.host, self.environment.events.request, self)
        self.control.cookies.set(MADE["cookie"], self.session)

    @task
    def write_then_read(self):
        url = "/bao-cao/bo-may/them/"
        form = self.client.get(url, name="department form")
        level = re.search(r'name="level"[^>]*>.*?<option value="(\w+)"', form.text, re.DOTALL)
        token = uuid.uuid4().hex[:16]
        name = f"Phòng thi đua tải {token}"
        with self.post_form(url, form, {
                "organization": first_option("organization", form.text), "name": name,
                "level": level and level.group(1), "start_year": "2020"},
                "department create") as response:
            if not redirected(response, "department"):
                return
        shown = re.compile(rf'/sua/">{re.escape(name)}</a>')
        with self.client.get("/bao-cao/bo-may/", params={"q": token}, catch_response=True,
                             name="department list, own write") as own:
            saw = bool(shown.search(own.text))
            note("own-write", own, int(saw))
            if not saw:
                own.failure("own write not shown")
        control = self.control.get("/bao-cao/bo-may/", params={"q": token},
                                   name="department list, control without the mark")
        note("control", control, int(bool(shown.search(control.text))))


__all__ = ["MixUser", "ReportUser", "WriterUser"]  # the user classes run.sh names
