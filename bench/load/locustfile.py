"""Load on the production stack (gunicorn + PostgreSQL); accounts and sessions from
``bench/load/seed.py`` (the JSON file ``LOAD_SESSIONS``). Run by ``bench/load/run.sh``.

``MixUser`` (the mixed run): a cooperative's reporter (a member of the province council) already
signed in — the cookie of a session seed.py stored, as after one sign-in per working day — who
browses the unit and people lists and details, searches people, drafts a nomination batch (a POST
through the real form) and votes once in the open council session, then follows its tallies
like the session page does.

``SignInUser`` (``SIGNIN_USERS`` of them, one sign-in every ``SIGNIN_EVERY`` seconds each): the
sign-in form (PBKDF2), measured on its own lines ("sign-in …").

``ListPageUser`` / ``TrivialUser``: the province officer, signed in, requesting the people list
or a trivial Django view (``bench/load/bench_urls.py``) through the same stack with no think
time — the ratio of their throughputs.

Every accepted batch (the redirect to the new batch) is appended to ``ACCEPTED_LOG`` as
"<unix time> <title>", each title carrying a unique token, so run.sh can look each one up
afterwards. A re-rendered form (200 instead of a redirect) counts as a failure.
"""
import itertools
import json
import os
import random
import re
import time
import uuid

from locust import HttpUser, between, constant, task

MADE = json.load(open(os.environ.get("LOAD_SESSIONS", "/tmp/thidua-load/sessions.json")))
ACCEPTED_LOG = os.environ.get("ACCEPTED_LOG", "/tmp/thidua-load/accepted.log")
SEARCHES = ["nguyen van", "tran thi", "le hoa", "pham minh", "hoang", "vu thi lan", "dang van",
            "bui", "do thi", "ngo quang", "duong", "ly thi", "huynh van", "phan anh", "vo"]
numbers = itertools.count()


def csrf(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    return match.group(1) if match else ""


def first_option(select, page):
    """The first non-empty option of the <select name=``select``> of ``page``."""
    found = re.search(rf'name="{select}"[^>]*>.*?<option value="(\d+)"', page, re.DOTALL)
    return found and found.group(1)


def redirected(response, name):
    """Success only for a redirect: a 200 is the form shown again (refused input)."""
    if response.status_code == 302:
        response.success()
        return True
    response.failure(f"{name} not accepted: HTTP {response.status_code}")
    return False


class SignedIn(HttpUser):
    """Starts with the cookie of one pre-made session (``MADE[sessions]``, one per user)."""

    abstract = True
    sessions = "officer"

    def on_start(self):
        made = MADE[self.sessions]
        self.session = made[next(numbers) % len(made)]
        key = self.session[1] if isinstance(self.session, list) else self.session
        self.client.cookies.set(MADE["cookie"], key)

    def post_form(self, url, page, data, name):
        return self.client.post(url, {"csrfmiddlewaretoken": csrf(page), **data},
                                headers={"Referer": self.host + url}, name=name,
                                allow_redirects=False, catch_response=True)


class MixUser(SignedIn):
    wait_time = between(float(os.environ.get("THINK_MIN", "1")),
                        float(os.environ.get("THINK_MAX", "3")))
    sessions = "reporters"

    def on_start(self):
        super().on_start()
        self.voted = False
        self.session_url = MADE["council_session_url"]

    @task(4)
    def browse_units(self):
        self.client.get("/don-vi/", name="unit list")

    @task(4)
    def browse_people(self):
        page = self.client.get("/ca-nhan/", name="people list")
        people = re.findall(r'href="(/ca-nhan/\d+/)"', page.text)
        if people:
            self.client.get(random.choice(people), name="person detail")

    @task(4)
    def search_people(self):
        self.client.get("/ca-nhan/", params={"q": random.choice(SEARCHES)}, name="people search")

    @task(1)
    def nominate(self):
        form = self.client.get("/ho-so/moi/", name="batch form")
        proposer = first_option("proposer", form.text)
        if not proposer:
            return
        title = f"Tờ trình tải {uuid.uuid4().hex}"
        with self.post_form("/ho-so/moi/", form, {
                "proposer": proposer, "authority": proposer, "title": title, "year": "2025",
                "basis": "MERIT", "procedure": "STANDARD"}, "batch create") as response:
            if redirected(response, "batch"):
                with open(ACCEPTED_LOG, "a", encoding="utf-8") as log:
                    log.write(f"{time.time():.3f} {title}\n")

    @task(2)
    def vote(self):
        page = self.client.get(self.session_url, name="session page")
        items = sorted(set(re.findall(r'name="item-(\d+)"', page.text)))
        if items and not self.voted:
            with self.post_form(self.session_url, page, {
                    "action": "vote", **{f"item-{item}": "AGREE" for item in items}},
                    "vote") as response:
                self.voted = redirected(response, "vote")
        self.client.get(self.session_url + "ket-qua/", name="session tallies")


class SignInUser(HttpUser):
    """A reporter signing in through the form now and then (the load users are signed in)."""

    fixed_count = int(os.environ.get("SIGNIN_USERS", "2"))
    wait_time = constant(float(os.environ.get("SIGNIN_EVERY", "30")))

    @task
    def sign_in(self):
        self.client.cookies.clear()
        page = self.client.get("/dang-nhap/", name="sign-in page")
        username = random.choice(MADE["reporters"])[0]
        with self.client.post("/dang-nhap/", {
                "username": username, "password": MADE["password"],
                "csrfmiddlewaretoken": csrf(page)}, headers={"Referer": self.host + "/dang-nhap/"},
                name="sign-in (PBKDF2)", allow_redirects=False, catch_response=True) as response:
            redirected(response, "sign-in")


class ListPageUser(SignedIn):
    @task
    def people_list(self):
        self.client.get("/ca-nhan/", name="people list (officer)")


class TrivialUser(SignedIn):
    @task
    def trivial(self):
        self.client.get("/bench/trivial/", name="trivial view")
