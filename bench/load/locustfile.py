"""Load on the production stack (gunicorn + PostgreSQL), users from ``bench/load/seed.py``.

``MixUser`` (the 200-user run): each user signs in as ``load-<n>`` (a cooperative's reporter and
a member of the province council) and then browses the unit and people lists and details,
searches people, drafts a nomination batch (a POST through the real form; every accepted one is
logged to ``ACCEPTED_LOG`` so the fault test can check none was lost) and votes once in the open
council session, then follows its tallies like the session page does.

``ListPageUser`` / ``TrivialUser``: the province officer requesting the people list, or a
trivial Django view (``bench/load/bench_urls.py``) through the same stack, as fast as possible
— the ratio of their throughputs.

See bench/RESULTS.md for the commands.
"""
import itertools
import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = "load-test-password-2026"
ACCEPTED_LOG = os.environ.get("ACCEPTED_LOG", "/tmp/thidua-load-accepted.log")
SEARCHES = ["nguyen van", "tran thi", "le hoa", "pham minh", "hoang", "vu thi lan", "dang van",
            "bui", "do thi", "ngo quang", "duong", "ly thi", "huynh van", "phan anh", "vo"]
numbers = itertools.count()


def csrf(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    return match.group(1) if match else ""


class SignedIn(HttpUser):
    abstract = True
    username = None

    def on_start(self):
        page = self.client.get("/dang-nhap/", name="login page")
        self.client.post("/dang-nhap/", {"username": self.username, "password": PASSWORD,
                                         "csrfmiddlewaretoken": csrf(page)},
                         headers={"Referer": self.host + "/dang-nhap/"}, name="login")


class MixUser(SignedIn):
    wait_time = between(1, 3)

    def on_start(self):
        self.number = next(numbers) % int(os.environ.get("LOAD_USERS", "200"))
        self.username = f"load-{self.number}"
        super().on_start()
        self.voted = False
        self.session_url = os.environ["LOAD_SESSION_URL"]

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
        proposer = re.search(r'name="proposer"[^>]*>.*?<option value="(\d+)"', form.text, re.DOTALL)
        authority = re.search(r'name="authority"[^>]*>.*?<option value="(\d+)"', form.text, re.DOTALL)
        if not (proposer and authority):
            return
        title = f"Tờ trình tải {self.username} {random.randrange(10**9)}"
        with self.client.post("/ho-so/moi/", {
                "csrfmiddlewaretoken": csrf(form), "proposer": proposer.group(1),
                "authority": proposer.group(1), "title": title, "year": "2025",
                "procedure": "REGULAR"}, headers={"Referer": self.host + "/ho-so/moi/"},
                name="batch create", allow_redirects=False, catch_response=True) as response:
            if response.status_code == 302:
                with open(ACCEPTED_LOG, "a") as log:
                    log.write(f"{title}\n")
                response.success()
            else:
                response.failure(f"not accepted: {response.status_code}")

    @task(2)
    def vote(self):
        page = self.client.get(self.session_url, name="session page")
        items = sorted(set(re.findall(r'name="item-(\d+)"', page.text)))
        if items and not self.voted:
            self.client.post(self.session_url, {
                "csrfmiddlewaretoken": csrf(page), "action": "vote",
                **{f"item-{item}": "AGREE" for item in items}},
                headers={"Referer": self.host + self.session_url}, name="vote")
            self.voted = True
        self.client.get(self.session_url + "ket-qua/", name="session tallies")


class ListPageUser(SignedIn):
    username = "load-ec_officer"

    @task
    def people_list(self):
        self.client.get("/ca-nhan/", name="people list (officer)")


class TrivialUser(SignedIn):
    username = "load-ec_officer"

    @task
    def trivial(self):
        self.client.get("/bench/trivial/", name="trivial view")
