"""The main pages of every area, each as the role that uses it, on the demo: the page sweep
(tests/browser/test_page_sweep.py) checks each of them, and the in-app guide's pictures
(``make guide-pictures``) are taken of them, so a guide picture is always of a page the sweep
still knows."""
from django.urls import reverse

from thidua.movements.models import Movement, ReportSchedule
from thidua.nominations.models import CouncilSession, Decision, NominationBatch
from thidua.organizations.models import EmulationGroup, Organization, Person
from thidua.portal.models import Site


def main_pages():
    """(name, account, url) for the main pages of every area, each opened by the role that uses it.
    Pages found through demo data are those the demo guarantees (see tests/demo)."""
    vca, hue, coop = (Organization.objects.get(code=code) for code in ("VCA", "P46", "P46-HTX01"))
    batches = NominationBatch.objects.all()
    hue_batch = batches.filter(proposer__path__startswith=hue.path).order_by("pk").first()
    movement = Movement.objects.filter(launched_by=vca).order_by("pk").first()
    hue_movement = Movement.objects.filter(launched_by=hue).order_by("pk").first()
    group = EmulationGroup.objects.filter(owner=vca).order_by("-year", "pk").first()
    person = Person.objects.filter(employments__organization=coop).order_by("pk").first()
    schedule = ReportSchedule.objects.filter(owner=hue).order_by("-due_date").first()
    session = CouncilSession.objects.get(council__organization=hue, state="OPEN")
    decision = Decision.objects.filter(issuer=hue).order_by("pk").first()
    site = Site.objects.order_by("pk").first()
    hue_site = Site.objects.get(organization=hue)
    pages = [
        ("home", "hue.tdkt", reverse("core:home")),
        ("inbox", "hue.tdkt", reverse("core:inbox")),
        ("profile", "hue.tdkt", reverse("accounts:profile")),
        ("organization-list", "vca.tdkt", reverse("organizations:organization_list")),
        ("organization-detail", "hue.tdkt", reverse("organizations:organization_detail", args=[coop.pk])),
        ("organization-edit", "hue.tdkt", reverse("organizations:organization_edit", args=[coop.pk])),
        ("person-list", "hue.tdkt", reverse("organizations:person_list")),
        ("person-detail", "htx.tdkt", reverse("organizations:person_detail", args=[person.pk])),
        ("person-create", "htx.baocao", reverse("organizations:person_create", args=[coop.pk])),
        ("group-list", "vca.tdkt", reverse("organizations:group_list")),
        ("group-detail", "vca.tdkt", reverse("organizations:group_detail", args=[group.pk])),
        ("movement-list", "hue.tdkt", reverse("movements:movement_list")),
        ("movement-create", "vca.tdkt", reverse("movements:movement_create") + f"?unit={vca.pk}"),
        ("movement-detail", "hue.tdkt", reverse("movements:movement_detail", args=[hue_movement.pk])),
        ("unit-movements", "htx.baocao", reverse("movements:unit_movements", args=[coop.pk])),
        ("registration-overview", "hue.tdkt",
         reverse("movements:registration_overview", args=[hue_movement.pk])),
        ("report-schedules", "hue.tdkt", reverse("movements:schedules", args=[hue.pk])),
        ("report-compliance", "hue.tdkt", reverse("movements:compliance", args=[schedule.pk])),
        ("unit-reports", "htx.baocao", reverse("movements:unit_reports", args=[coop.pk])),
        ("programme-list", "vca.tdkt", reverse("records:programme_list")),
        ("exemplar-list", "hue.tdkt", reverse("records:exemplar_list")),
        ("initiative-list", "hue.tdkt", reverse("records:initiative_list")),
        ("inspection-list", "hue.tdkt", reverse("records:inspection_list")),
        ("event-list", "hue.tdkt", reverse("records:event_list")),
        ("award-powers", "vca.tdkt", reverse("awards:powers")),
        ("issuer-review", "vca.tdkt", reverse("awards:issuer_review")),
        ("qualification", "hue.tdkt", reverse("awards:qualification", args=[coop.pk])),
        ("unit-award-record", "hue.tdkt", reverse("awards:unit_record", args=[coop.pk])),
        ("batch-list", "hue.tdkt", reverse("nominations:batch_list")),
        ("batch-detail", "hue.tdkt", reverse("nominations:batch_detail", args=[hue_batch.pk])),
        ("council-session", "hue.hoidong", reverse("nominations:session_detail", args=[session.pk])),
        ("decision-detail", "hue.lanhdao", reverse("nominations:decision_detail", args=[decision.pk])),
        ("reports-dashboard", "hue.tdkt", reverse("reports:dashboard")),
        ("reports-statutory", "hue.tdkt", reverse("reports:statutory")),
        ("reports-adhoc", "hue.tdkt", reverse("reports:adhoc")),
        ("ec-departments", "vca.tdkt", reverse("reports:ec_department_list")),
        ("ec-staff", "vca.tdkt", reverse("reports:ec_staff_list")),
        ("interchange", "hue.tdkt", reverse("interchange:start")),
        ("audit-log", "vca.admin", reverse("audit:entry_list")),
        ("portal-home", None, reverse("portal:home", args=[site.slug])),
        ("portal-articles", None, reverse("portal:articles", args=[site.slug])),
        ("portal-honour-roll", None, reverse("portal:honour_roll", args=[site.slug])),
        ("portal-gallery", None, reverse("portal:gallery", args=[site.slug])),
        ("portal-staff", "hue.bientap", reverse("portal:staff", args=[hue_site.slug])),
        ("portal-staff-comments", "hue.kiemduyet",
         reverse("portal:staff_comments", args=[hue_site.slug])),
        ("guide", "hue.tdkt", reverse("guide:mine")),
        ("guide-council", "hue.tdkt", reverse("guide:role", args=["hoi-dong"])),
    ]
    if movement:
        pages.append(("movement-detail-vca", "vca.tdkt",
                      reverse("movements:movement_detail", args=[movement.pk])))
    return pages
