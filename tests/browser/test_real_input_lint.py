"""Browser tests click and type as a person does: no ``force=True`` (it clicks through whatever covers
a control), no script that sets a value, ticks a box, clicks or submits, no synthetic events. Reading
the page with ``evaluate`` (scrollWidth, axe-core's results, elementFromPoint) stays allowed, and only
with a literal script, so this lint can read it."""
import ast
import re
from pathlib import Path

BROWSER_TESTS = Path(__file__).resolve().parent
SCRIPT_CALLS = {"evaluate", "evaluate_all", "evaluate_handle", "eval_on_selector",
                "eval_on_selector_all"}
REFUSED_CALLS = {"dispatch_event", "add_script_tag"}
# Writes through the DOM: assignments to value/checked/selected…, clicks, submits, events.
WRITES = re.compile(r"\.(value|checked|selected|selectedIndex|valueAsDate|valueAsNumber|innerText|"
                    r"textContent|innerHTML)\s*=(?!=)|\.(click|submit|requestSubmit|dispatchEvent|"
                    r"setAttribute|removeAttribute|focus)\s*\(|new\s+\w*Event\s*\(")


def offences(tree):
    """(line, reason) for every way one module gets around a real click or keystroke. A script may
    be a literal at the call or a module-level constant assigned a literal (read the same way)."""
    constants = {target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                 for target in node.targets if isinstance(target, ast.Name)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg == "force" and not (isinstance(keyword.value, ast.Constant)
                                               and keyword.value.value is False):
                yield node.lineno, "force=True clicks through what covers the control"
        name = node.func.attr if isinstance(node.func, ast.Attribute) else None
        if name in REFUSED_CALLS:
            yield node.lineno, f"{name}() acts for the person"
        if name in SCRIPT_CALLS:
            script = node.args[0] if node.args else None
            if isinstance(script, ast.Name):
                script = constants.get(script.id)
            if not (isinstance(script, ast.Constant) and isinstance(script.value, str)):
                yield node.lineno, f"{name}() with a script this lint cannot read"
            elif WRITES.search(script.value):
                yield node.lineno, f"{name}() writes to the page: {script.value[:60]!r}"


def test_offences_are_found():
    tree = ast.parse(
        "page.click(force=True)\n"
        "page.evaluate(\"document.querySelector('#a').checked = true\")\n"
        "box.evaluate('e => e.click()')\n"
        "page.evaluate(source)\n"
        "page.dispatch_event('#a', 'click')\n"
        "page.evaluate('document.documentElement.scrollWidth')\n"
        "page.evaluate('e => e.value === \"1\"')\n"
        "page.click(force=False)\n"
        "READ = 'document.images.length'\n"
        "WRITE = \"e => e.checked = true\"\n"
        "page.evaluate(READ)\n"
        "page.evaluate(WRITE)\n")
    assert [line for line, _ in offences(tree)] == [1, 2, 3, 4, 5, 12]


def test_browser_tests_click_and_type_as_a_person_does():
    found = [f"{path.name}:{line}: {reason}"
             for path in sorted(BROWSER_TESTS.glob("*.py")) if path != Path(__file__)
             for line, reason in offences(ast.parse(path.read_text(), str(path)))]
    assert found == [], "Use real clicks and typing:\n" + "\n".join(found)
