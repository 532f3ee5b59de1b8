"""Which database each request's reads went to, as a response header (bench only).

Installed innermost (after ``thidua.dbrouters.ReportingReadsMiddleware``) by
``scaleout_settings``: it counts the SELECTs the view runs on each alias and answers
``X-Bench-Reads: default=2 replica1=9``, which the scale-out locustfile tallies. A report page
served again from the primary after losing its replica answers with the second run's counts
(the inner tally sets the header first; the outer one leaves it).
"""
from collections import Counter
from contextlib import ExitStack

from django.db import connections

HEADER = "X-Bench-Reads"


class ReadTallyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = Counter()
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(counter(alias, reads)))
            response = self.get_response(request)
        counts = " ".join(f"{alias}={n}" for alias, n in sorted(reads.items()))
        response.setdefault(HEADER, counts)
        return response


def counter(alias, reads):
    def count(execute, sql, params, many, context):
        if sql.lstrip()[:6].upper() == "SELECT":
            reads[alias] += 1
        return execute(sql, params, many, context)
    return count
