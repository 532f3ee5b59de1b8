"""Signal receivers that write the audit log: every save and delete of the project's models
with old → new values, many-to-many changes, personal-data reads and sign-ins.

Signals on purpose: the log must hold every change whatever code path made it (a service, the
admin, a shell), which no list of calls in services can promise; it reacts to nothing in the
domain (docs/architecture.md#signals).

Connected in ``AuditConfig.ready``. Bulk operations (``bulk_create``, ``QuerySet.update``) send
no signals: a business-state bulk write logs its rows itself, with ``record_created`` after a
``bulk_create`` and through ``audited_update`` instead of ``QuerySet.update``. Left unlogged on
purpose: derived data (report summaries, the honour roll, per-person unit scopes), bookkeeping
(job and print progress counters, notifications and their read marks, visit and view counters,
API token last use, number counters, two-factor backup codes), the demo loader, and the
tallies of a secret ballot (the log names the actor, so an entry per ballot would disclose
the vote).
"""
import json

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from thidua.core.scopes import system

from . import chain
from .context import client_ip, current_actor
from .models import Action

ORGANIZATION = "organizations.Organization"
# Creating one of these rows means someone was shown personal data: logged as a read.
READ_MODELS = {"organizations.PersonalDataAccess": "person"}
# Derived or bookkeeping fields: their changes are not worth a line.
IGNORED_FIELDS = {"search_text", "sort_key", "numchild", "last_login"}
# Secrets and encrypted personal data: the log says they changed, never their values.
REDACTED_FIELDS = {"password", "citizen_id_encrypted", "citizen_id_digest", "digest"}
REDACTED = "***"


def is_audited(model):
    meta = model._meta
    return (meta.app_config is not None and meta.app_config.name.startswith("thidua.")
            and meta.app_label != "audit" and not hasattr(model, "instance_type"))


def _fields(model):
    return [f for f in model._meta.concrete_fields
            if f.name not in IGNORED_FIELDS and not getattr(f, "auto_now", False)]


def _value(field, instance):
    value = field.value_from_object(instance)
    if value is None or value == "":
        return None
    if field.name in REDACTED_FIELDS:
        return REDACTED
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def snapshot(instance):
    return {f.name: _value(f, instance) for f in _fields(type(instance))}


def unit_path(instance, depth=0):
    """The materialised path of the unit an object belongs to: itself if it is a unit, else the
    first unit it points at, else (up to three steps) the unit of what it points at."""
    if instance._meta.label == ORGANIZATION:
        return instance.path
    relations = [f for f in instance._meta.concrete_fields
                 if f.many_to_one and getattr(instance, f.attname) is not None]
    try:
        for relation in relations:
            if relation.related_model._meta.label == ORGANIZATION:
                return getattr(instance, relation.name).path
        if depth < 3:
            for relation in relations:
                if is_audited(relation.related_model) and relation.related_model._meta.label != \
                        instance._meta.label:
                    path = unit_path(getattr(instance, relation.name), depth + 1)
                    if path:
                        return path
    except ObjectDoesNotExist:
        pass
    return ""


def _entry(actor, ip, action, instance=None, changes=None, model="", object_id="", label=""):
    """The fields of one chain entry."""
    if instance is not None:
        model, object_id, label = instance._meta.label, str(instance.pk), str(instance)
    return dict(actor=actor, actor_name=actor.get_username() if actor else "", ip=ip,
                action=action, model=model, object_id=object_id, object_repr=label[:300],
                unit_path=unit_path(instance) if instance is not None else "",
                changes=changes or {})


def record(action, instance=None, changes=None, user=None, model="", object_id="", label=""):
    actor, ip = current_actor()
    return chain.append(**_entry(user or actor, ip, action, instance, changes, model, object_id,
                                 label))


def record_created(instances):
    """The CREATE entries ``record_save`` writes, for rows inserted by ``bulk_create`` (which
    sends no signals), appended to the chain at once."""
    actor, ip = current_actor()
    return chain.extend([
        _entry(actor, ip, Action.CREATE, instance,
               {name: [None, value] for name, value in snapshot(instance).items()
                if value is not None})
        for instance in instances if is_audited(type(instance))])


def _unit_relations(model, depth=0):
    """The ``select_related`` paths ``unit_path`` may walk from ``model``, so a bulk read brings
    every row's unit with it: the unit foreign keys and, unless one of them is required, the
    same paths of the other audited models pointed at (up to three steps, as ``unit_path``)."""
    relations = [f for f in model._meta.concrete_fields if f.many_to_one]
    units = [f.name for f in relations if f.related_model._meta.label == ORGANIZATION]
    if depth == 3 or any(not f.null for f in relations if f.name in units):
        return units
    paths = list(units)
    for relation in relations:
        related = relation.related_model
        if (relation.name not in units and is_audited(related)
                and related._meta.label != model._meta.label):
            paths.append(relation.name)
            paths += [f"{relation.name}__{path}" for path in _unit_relations(related, depth + 1)]
    return paths


def audited_update(queryset, **changes):
    """``queryset.update(**changes)`` and the UPDATE entries ``record_save`` would write: per row,
    old → new of each changed field. One read of the rows (locked, with their units), the update,
    a second read only when a value is an expression such as ``F("n") + 1``, and one multi-row
    append to the chain, all in one transaction. Returns the number of rows updated."""
    model = queryset.model
    if not is_audited(model):
        return queryset.update(**changes)
    fields = [f for f in _fields(model) if f.name in changes or f.attname in changes]
    with transaction.atomic(using=queryset.db):
        with system("an audited update reads the rows it is about to update"):
            rows = list(queryset.select_related(*_unit_relations(model))
                        .select_for_update(of=("self",)))
        old = {row.pk: {f.name: _value(f, row) for f in fields} for row in rows}
        updated = queryset.update(**changes)
        if any(hasattr(value, "resolve_expression") for value in changes.values()):
            attnames = [f.attname for f in fields]
            current = {values[0]: values[1:] for values in model._base_manager.filter(
                pk__in=old).values_list("pk", *attnames)}
            for row in rows:
                for attname, value in zip(attnames, current[row.pk]):
                    setattr(row, attname, value)
        else:
            for row in rows:
                for name, value in changes.items():
                    setattr(row, name, value)
        actor, ip = current_actor()
        entries = []
        for row in rows:
            diff = {f.name: [old[row.pk][f.name], _value(f, row)] for f in fields
                    if old[row.pk][f.name] != _value(f, row)}
            if diff:
                entries.append(_entry(actor, ip, Action.UPDATE, row, diff))
        if entries:
            chain.extend(entries)
    return updated


def remember_old_values(sender, instance, raw=False, **kwargs):
    if raw or not is_audited(sender):
        return
    old = None
    if not instance._state.adding and instance.pk is not None:
        old = sender._base_manager.filter(pk=instance.pk).first()
    instance._audit_old = snapshot(old) if old is not None else {}


def record_save(sender, instance, created, raw=False, **kwargs):
    if raw or not is_audited(sender):
        return
    if created and sender._meta.label in READ_MODELS:
        subject = getattr(instance, READ_MODELS[sender._meta.label])
        record(Action.READ, subject, {"field": [None, getattr(instance, "field", "")]},
               user=getattr(instance, "user", None))
        return
    old, new = getattr(instance, "_audit_old", {}), snapshot(instance)
    changes = {name: [old.get(name), value] for name, value in new.items()
               if created and value is not None or not created and old.get(name) != value}
    if created or changes:
        record(Action.CREATE if created else Action.UPDATE, instance, changes)


def record_delete(sender, instance, **kwargs):
    if is_audited(sender):
        old = snapshot(instance)
        record(Action.DELETE, instance,
               {name: [value, None] for name, value in old.items() if value is not None})


def record_relations(sender, instance, action, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or not is_audited(type(instance)):
        return
    field = next((f.name for f in instance._meta.many_to_many
                  if f.remote_field.through is sender), sender._meta.model_name)
    ids = ", ".join(str(pk) for pk in sorted(pk_set or ()))
    change = {"post_add": [None, ids], "post_remove": [ids, None],
              "post_clear": ["*", None]}[action]
    record(Action.UPDATE, instance, {field: change})


def record_login(sender, request, user, **kwargs):
    record(Action.LOGIN, user=user, model=user._meta.label, object_id=str(user.pk),
           label=user.get_username())


def record_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, user=user, model=user._meta.label, object_id=str(user.pk),
               label=user.get_username())


def record_login_failure(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    chain.append(actor=None, actor_name=username, ip=client_ip(request),
                 action=Action.LOGIN_FAILED, model="", object_id="", object_repr=username,
                 unit_path="", changes={})


def connect():
    pre_save.connect(remember_old_values, dispatch_uid="audit_pre_save")
    post_save.connect(record_save, dispatch_uid="audit_post_save")
    pre_delete.connect(record_delete, dispatch_uid="audit_pre_delete")
    m2m_changed.connect(record_relations, dispatch_uid="audit_m2m")
    user_logged_in.connect(record_login, dispatch_uid="audit_login")
    user_logged_out.connect(record_logout, dispatch_uid="audit_logout")
    user_login_failed.connect(record_login_failure, dispatch_uid="audit_login_failed")
