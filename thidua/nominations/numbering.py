"""Gapless numbers per issuer and year: a counter row locked with SELECT … FOR UPDATE inside the
caller's transaction, so a rolled-back issue gives its number back and two concurrent issues
queue on the lock instead of colliding."""
from django.db import transaction

from .models import Counter


def next_number(issuer, year, kind=Counter.DECISION):
    """Take the next number of ``kind`` for ``issuer`` in ``year``; call inside atomic()."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number() must run inside transaction.atomic()")
    Counter.objects.bulk_create([Counter(issuer=issuer, year=year, kind=kind)],
                                ignore_conflicts=True)
    counter = Counter.objects.select_for_update().get(issuer=issuer, year=year, kind=kind)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last
