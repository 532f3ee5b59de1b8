"""What the pipeline's views share: load-with-permission and run-a-workflow-call."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from ..models import NominationBatch


def batch_or_403(user, pk, perm="nominations.view_batch"):
    batch = get_object_or_404(NominationBatch.objects.select_related("proposer", "authority")
                              .for_permission_check(), pk=pk)
    if not user.has_perm(perm, batch):
        raise PermissionDenied
    return batch


def attempt(request, call, success):
    """Run ``call``; on a domain error show its Vietnamese message. True when it succeeded."""
    try:
        call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True
