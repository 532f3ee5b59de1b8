"""Waiting as a person does: for the page to have finished loading before using what its scripts
add (the confirmation dialogs of app.js, the language menu that sends itself, the charts). A
click between the control's arrival and the script's run would post the form unconfirmed, change
a menu that sends nothing, or read a chart not drawn yet."""


def loaded(locator):
    """``locator`` once it is on the page and its page has loaded (scripts run)."""
    locator.wait_for()
    locator.page.wait_for_load_state()
    return locator
