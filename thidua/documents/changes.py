"""The state changes of documents (``services`` is the read-only API that renders files): a
certificate print requested, an organisation's Word templates and certificate layouts kept.
Each checks permission and writes in one transaction."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.permissions import require
from thidua.core.tasks import run_task
from thidua.nominations.models import DecisionState

from . import certificates
from .models import CertificatePrint, PrintState, WordTemplate


@transaction.atomic
def request_print(user, decision):
    """Queue the printing of an issued decision's certificates, unless a print is already under
    way. Returns ``(job, started)``. Side effects: the CertificatePrint row reset to QUEUED, the
    print task started after the commit."""
    require(user, "nominations.manage_decision", decision)
    if decision.state != DecisionState.ISSUED:
        raise ValidationError(_("Chỉ in bằng khen, giấy khen của quyết định đã ban hành."))
    job, created = CertificatePrint.objects.select_for_update().get_or_create(
        decision=decision, defaults={"requested_by": user})
    if not created and job.state in {PrintState.QUEUED, PrintState.RUNNING}:
        return job, False
    job.state, job.done, job.total = PrintState.QUEUED, 0, decision.awards.count()
    job.requested_by, job.error = user, ""
    job.save()
    transaction.on_commit(lambda: run_task(certificates.print_decision, job.pk))
    return job, True


@transaction.atomic
def save_word_template(user, organization, kind, upload):
    """Store ``upload`` (checked by ``WordTemplateForm``) as the organisation's own template of
    ``kind``, replacing the previous one."""
    require(user, "documents.manage_templates", organization)
    template, _created = WordTemplate.objects.get_or_create(
        organization=organization, kind=kind,
        defaults={"uploaded_by": user, "original_name": upload.name[-255:]})
    template.file, template.uploaded_by = upload, user
    template.original_name = upload.name[-255:]
    template.save()
    return template


@transaction.atomic
def delete_word_template(user, organization, kind):
    """Drop the organisation's own template of ``kind``: its papers use the default again."""
    require(user, "documents.manage_templates", organization)
    WordTemplate.objects.filter(organization=organization, kind=kind).delete()


@transaction.atomic
def save_certificate_template(user, template):
    """Create or edit a certificate layout (validated by ``CertificateTemplateForm``)."""
    require(user, "documents.manage_templates", template.organization)
    template.save()
    return template
