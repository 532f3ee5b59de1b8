"""Views and API handlers never write models: they parse the request, ask the permission and call
a service (docs/architecture.md#services-one-function-per-state-change). This lint reads every
view module (``views.py``, ``*_views.py``, a ``views/`` package) and every API module, and refuses
a call that writes through the ORM:

* ``.save()``, except a form's ``save(commit=False)`` (an unsaved instance for a service) and a
  view's own ``self.save`` helper (linted where it is defined);
* ``.delete()``, ``.create()``, ``get_or_create``, ``update_or_create``, ``bulk_create``,
  ``bulk_update``, except on the cache and the API router (``router.delete`` is a route);
* ``.update()``, except on the dicts views build (``DICTS``);
* ``.set()``/``.add()``/``.remove()``/``.clear()`` of a related manager (``obj.field.set``)."""
import ast
from pathlib import Path

THIDUA = Path(__file__).resolve().parents[2] / "thidua"
WRITES = {"save", "delete", "create", "get_or_create", "update_or_create", "bulk_create",
          "bulk_update", "update"}
RELATION_WRITES = {"set", "add", "remove", "clear"}
NOT_MODELS = {"cache", "router", "self"}
DICTS = {"context", "kwargs", "data", "totals"}


def _receiver(call):
    value = call.func.value
    return value.id if isinstance(value, ast.Name) else None


def _unsaved(call):
    """``form.save(commit=False)`` or ``form.save(False)``."""
    flags = [k.value for k in call.keywords if k.arg == "commit"] + call.args[:1]
    return any(isinstance(flag, ast.Constant) and flag.value is False for flag in flags)


def writes(tree):
    """(line, code) of each ORM write in one module."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, _receiver(node)
        if method in WRITES:
            if receiver in NOT_MODELS or (method == "update" and receiver in DICTS) or (
                    method == "save" and _unsaved(node)):
                continue
            yield node.lineno, ast.unparse(node)[:80]
        elif method in RELATION_WRITES and isinstance(node.func.value, ast.Attribute) and (
                node.func.value.attr != "session"):
            yield node.lineno, ast.unparse(node)[:80]


def view_modules():
    for path in sorted(THIDUA.rglob("*.py")):
        parts = path.relative_to(THIDUA).parts
        if "migrations" in parts:
            continue
        if parts[0] == "api" or "views" in parts or path.name.endswith("views.py"):
            yield path


def test_no_view_or_api_handler_writes_a_model():
    offences = [f"{path.relative_to(THIDUA.parent)}:{line}: {code}"
                for path in view_modules()
                for line, code in writes(ast.parse(path.read_text(), str(path)))]
    assert offences == [], "Move the write into a service:\n" + "\n".join(offences)


def test_the_lint_sees_each_kind_of_write():
    source = """
form.save()
form.save(commit=False)
Model.objects.create(a=1)
Model.objects.filter(a=1).update(a=2)
context.update(a=1)
unread.update(read_at=1)
obj.delete()
cache.delete("k")
movement.chosen_units.set(units)
seen.add(1)
"""
    assert [line for line, _code in writes(ast.parse(source))] == [2, 4, 5, 7, 8, 10]
