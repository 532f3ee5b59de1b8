"""``get_FOO_display()`` without rebuilding the field's choices on every call.

Django's version builds a dict of all the field's choices each time it is called, hashing every
lazy label (a translation lookup each); a list page showing a state of twelve choices on 25 rows
made ~500 translation lookups for that alone (bench/RESULTS.md, "Pages"). Models of the busiest
lists inherit this mixin first: the dict is built once per field, with the labels still lazy, so
the label is translated into the request's language when shown, exactly as before."""
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.choices import CallableChoiceIterator

_LABELS = {}


class CachedChoiceLabels:
    def _get_FIELD_display(self, field):
        if isinstance(field.choices, CallableChoiceIterator):  # choices that may change
            return super()._get_FIELD_display(field)
        labels = _LABELS.get(field)
        if labels is None:
            labels = _LABELS[field] = dict(make_hashable(field.flatchoices))
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)
