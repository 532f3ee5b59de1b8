"""The scoping walk: every view and API route of the URL conf, requested on the demo as an EC
officer of one province (hue.tdkt) and as an anonymous visitor, reads no scoped model unscoped.

Path parameters are filled with ids of demo objects, chosen in the official's scope where the
model has a ``visible_to``. Other failures (a 404 for a filler that fits badly, a redirect to the
sign-in page) are not this test's business; a ScopeError is, even one a view swallowed."""
import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from thidua.accounts.models import User
from thidua.core import scopes
from thidua.organizations.models import Organization

# Route prefix -> model of its ``pk``, first match wins (more specific prefixes first).
PK_MODELS = [
    ("don-vi/", "organizations.Organization"), ("ca-nhan/", "organizations.Person"),
    ("khoi-cum/", "organizations.EmulationGroup"),
    ("phong-trao/van-ban/", "movements.MovementDocument"),
    ("phong-trao/so-ket-tong-ket/", "movements.Review"),
    ("phong-trao/bao-cao/ky/", "movements.ReportSchedule"),
    ("phong-trao/khoi/", "organizations.EmulationGroup"),
    ("phong-trao/chuong-trinh/chi-tieu/", "records.ProgrammeTarget"),
    ("phong-trao/chuong-trinh/", "records.CooperationProgramme"),
    ("phong-trao/dien-hinh/", "records.Exemplar"),
    ("phong-trao/sang-kien/nhap-excel/", "organizations.Organization"),
    ("phong-trao/sang-kien/", "records.Initiative"),
    ("phong-trao/kiem-tra/", "records.Inspection"), ("phong-trao/su-kien/", "records.Event"),
    ("phong-trao/", "movements.Movement"),
    ("khen-thuong/ca-nhan/", "organizations.Person"),
    ("khen-thuong/don-vi/", "organizations.Organization"),
    ("ho-so/tep/", "nominations.Attachment"), ("ho-so/hoi-dong/", "nominations.Council"),
    ("ho-so/phien-hop/", "nominations.CouncilSession"),
    ("ho-so/quyet-dinh/", "nominations.Decision"), ("ho-so/tu-so-ket/", "movements.Review"),
    ("ho-so/tu-danh-sach/", "organizations.Organization"),
    ("ho-so/y-kien-cac-ban/", "nominations.OpinionRequest"),
    ("ho-so/", "nominations.NominationBatch"),
    ("van-ban/quyet-dinh/", "nominations.Decision"),
    ("van-ban/to-trinh/", "nominations.NominationBatch"),
    ("van-ban/phien-hop/", "nominations.CouncilSession"),
    ("van-ban/bao-cao-thanh-tich/", "nominations.Nomination"),
    ("van-ban/bang-khen/", "awards.Award"),
    ("bao-cao/bo-may/", "reports.ECDepartment"), ("bao-cao/can-bo/nhap-excel/",
                                                   "organizations.Organization"),
    ("bao-cao/can-bo/", "reports.ECStaffMember"), ("lien-thong/tiep-nhan/", "interchange.Intake"),
    ("lien-thong/goi-ho-so/", "nominations.NominationBatch"), ("cong-viec/", "core.Job"),
    ("p/<slug:site>/tin-tuc/", "portal.Article"),
    ("p/<slug:site>/dien-hinh/", "records.Exemplar"),
    ("p/<slug:site>/van-ban/", "portal.LegalDocument"),
    ("p/<slug:site>/quan-ly/tin-bai/", "portal.Article"),
    ("p/<slug:site>/quan-ly/chuyen-muc/", "portal.Category"),
    ("p/<slug:site>/quan-ly/van-ban/", "portal.LegalDocument"),
    ("p/<slug:site>/quan-ly/thu-vien/", "portal.GalleryItem"),
    ("p/<slug:site>/quan-ly/binh-luan/", "portal.Comment"),
    ("p/<slug:site>/quan-ly/hoi-dap/", "portal.Question"),
    ("api/v1/nominations/", "nominations.NominationBatch"),
    ("api/v1/opinion-requests/", "nominations.OpinionRequest"),
    ("api/v1/opinions/", "nominations.DepartmentOpinion"),
    ("api/v1/council-sessions/", "nominations.CouncilSession"),
    ("api/v1/decisions/", "nominations.Decision"),
    ("api/v1/interchange/intakes/", "interchange.Intake"),
    ("api/v1/interchange/batches/", "nominations.NominationBatch"),
]
# Other named parameters -> model.
NAMED_MODELS = {
    "unit": "organizations.Organization", "organization": "organizations.Organization",
    "parent": "organizations.Organization", "org_id": "organizations.Organization",
    "organization_id": "organizations.Organization", "member": "organizations.Organization",
    "person_id": "organizations.Person", "movement_id": "movements.Movement",
    "group_id": "organizations.EmulationGroup", "schedule_id": "movements.ReportSchedule",
    "exemplar_id": "records.Exemplar", "inspection_id": "records.Inspection",
    "department_id": "reports.ECDepartment", "member_id": "reports.ECStaffMember",
    "programme": "records.CooperationProgramme",
    "programme_id": "records.CooperationProgramme", "award_id": "awards.Award",
    "template_pk": "documents.CertificateTemplate",
}
WORDS = {"fmt": "pdf", "action": "submit", "kind": "mau", "name": "to-trinh.pdf",
         "field": "image", "app_label": "organizations"}
PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


class Fillers:
    def __init__(self, official, today):
        self.official = official
        self.today = today
        self.unit = Organization.objects.get(code="P46-HTX01")
        self.cache = {}

    def id_of(self, label):
        if label not in self.cache:
            model = apps.get_model(label)
            rows = model._default_manager.order_by("pk")
            if label == "organizations.Organization":
                mine = rows.filter(pk=self.unit.pk)
            elif hasattr(rows, "visible_to"):
                mine = rows.visible_to(self.official)
            else:
                mine = rows
            row = mine.first() or rows.first()
            self.cache[label] = row.pk if row else 1
        return self.cache[label]

    def path(self, route):
        if "(?P" in route or route.startswith(("quan-tri/", "captcha/")):
            return None  # the Django admin and the captcha app: regex routes, not ours to fill
        site = apps.get_model("portal.Site").objects.order_by("pk").first()

        def fill(match):
            converter, name = match.groups()
            if name == "site":
                return site.slug
            if name == "year":
                return str(self.today.year)
            if name in ("pk", "id"):
                label = next((label for start, label in PK_MODELS if route.startswith(start)),
                             None)
                return str(self.id_of(label)) if label else "1"
            if name in NAMED_MODELS:
                return str(self.id_of(NAMED_MODELS[name]))
            if converter == "int":
                return "1"
            return WORDS.get(name, "x")

        return "/" + PARAM.sub(fill, route).replace("^", "").replace("$", "")


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", "--small", stdout=io.StringIO())


@pytest.fixture
def refusals(monkeypatch, settings):
    """Every refusal, also those a view caught and turned into an error page."""
    settings.THIDUA_UNSCOPED_READS = "raise"
    seen = []
    refuse = scopes._refuse

    def recording(queryset):
        try:
            refuse(queryset)
        except scopes.ScopeError as error:
            seen.append(str(error))
            raise

    monkeypatch.setattr(scopes, "_refuse", recording)
    return seen


@pytest.mark.clock("2027-03-16 09:00")
def test_every_route_reads_scoped_models_scoped(demo, refusals, today):
    official = User.objects.get(username="hue.tdkt")
    fillers = Fillers(official, today)
    paths = [path for path in map(fillers.path, routes()) if path]
    assert len(paths) > 250, "the walk sees the whole URL conf"
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(official)
    anonymous = Client(raise_request_exception=False)
    statuses = {}
    for path in paths:
        for who, client in (("hue.tdkt", signed_in), ("anonymous", anonymous)):
            status = client.get(path).status_code
            statuses[status] = statuses.get(status, 0) + 1
    assert statuses.get(200, 0) > 150, statuses  # the walk reaches real pages, not only errors
    assert not refusals, "\n".join(sorted(set(refusals)))


def test_the_docs_list_every_scoped_model():
    """The table of scoped models in docs/architecture.md is the list of models whose queryset
    derives from ScopedQuerySet: a model moved under the guard is listed, a listed one is."""
    text = (Path(__file__).resolve().parents[2] / "docs/architecture.md").read_text()
    section = text.split("### Scoped models")[1].split("While a request is served")[0]
    listed = {f"{app}.{name}" for app, models in re.findall(r"^\| (\w+) \| (.+) \|$", section,
                                                           re.MULTILINE)
              for name in re.findall(r"`(\w+)`", models)}
    scoped = {model._meta.label for model in apps.get_models()
              if isinstance(model._default_manager.all(), scopes.ScopedQuerySet)}
    assert listed == scoped


def test_the_guard_refuses_an_unscoped_read_only_while_serving(network, settings):
    from thidua.organizations.models import Person
    settings.THIDUA_UNSCOPED_READS = "raise"
    assert Person.objects.count() == 4  # outside a request: commands, jobs, test setup
    with scopes.serving("/ca-nhan/"):
        with pytest.raises(scopes.ScopeError, match=r"organizations.Person .*test_scope_walk"):
            list(Person.objects.filter(given_name="Mai"))
        assert Person.objects.visible_to(network.actor).filter(given_name="Mai").count() == 1
        person = Person.objects.unscoped("test: a system read").get(given_name="Mai")
        assert [e.organization for e in person.employments.all()] == [network.department]
        with scopes.system("test: a public page"):
            assert len(Person.objects.all()) == 4
        assert list(Person.objects.none()) == []


def test_in_production_an_unscoped_read_is_logged_and_served(network, settings, caplog):
    from thidua.organizations.models import Person
    settings.THIDUA_UNSCOPED_READS = "log"
    with scopes.serving("/ca-nhan/"):
        assert len(Person.objects.all()) == 4
    assert "organizations.Person read without a scope while serving /ca-nhan/" in caplog.text


def test_a_permission_check_read_is_one_row(network, settings):
    from thidua.organizations.models import Person
    settings.THIDUA_UNSCOPED_READS = "raise"
    with scopes.serving("/ca-nhan/1/"):
        assert Person.objects.for_permission_check().get(given_name="Mai").family_name == "Trần"
        with pytest.raises(scopes.ScopeError, match="for_permission_check"):
            list(Person.objects.for_permission_check())


def test_the_admin_lists_people_whole(network, root_user, client):
    client.force_login(root_user)
    person = network.hue_person
    assert client.get("/quan-tri/organizations/person/").status_code == 200
    page = client.get(f"/quan-tri/organizations/person/{person.pk}/change/")
    assert page.status_code == 200
    assert person.family_name in page.content.decode()
