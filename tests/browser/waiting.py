"""Waiting as a person does: for the page to have finished loading before using what its scripts
add (the confirmation dialogs of app.js, the charts). A click between the button's arrival and
the script's run would post the form unconfirmed, or read a chart not drawn yet."""


def loaded(locator):
    """``locator`` once it is on the page and its page has loaded (scripts run)."""
    locator.wait_for()
    locator.page.wait_for_load_state()
    return locator
