// Behaviours that pages ask for with data attributes (docs/ui.md). The Content-Security-Policy
// forbids inline script and on* handlers, so templates write data-* and this file acts.
(function () {
  "use strict";
  var body = document.body;
  var lang = document.documentElement.lang === "en" ? "en" : "vi";
  // A select longer than this gets a search box (Tom Select) unless it says data-native.
  var SEARCH_AFTER = 20;

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });
  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-autosubmit]");
    if (field && field.form) {
      field.form.submit();
    }
  });

  // Confirmation before irreversible or broadcast actions: data-confirm on the button (or form).
  var dialog = document.getElementById("confirm-dialog");
  var pending = null;

  function askConfirmation(source, proceed) {
    var okButton = document.getElementById("confirm-dialog-ok");
    document.getElementById("confirm-dialog-text").textContent = source.dataset.confirm;
    okButton.textContent = source.dataset.confirmAction || okButton.dataset.defaultLabel;
    okButton.classList.toggle("btn-danger", source.dataset.confirmTone === "danger");
    okButton.classList.toggle("btn-brand", source.dataset.confirmTone !== "danger");
    pending = proceed;
    dialog.returnValue = "";
    dialog.showModal();
  }

  if (dialog) {
    dialog.addEventListener("close", function () {
      var proceed = pending;
      pending = null;
      if (dialog.returnValue === "confirm" && proceed) {
        proceed();
      }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var source = submitter && submitter.dataset.confirm ? submitter : (form.dataset.confirm ? form : null);
    if (!source || !dialog || form.dataset.confirmed === "yes") {
      return;
    }
    event.preventDefault();
    askConfirmation(source, function () {
      form.dataset.confirmed = "yes";
      if (submitter) {
        form.requestSubmit(submitter);
      } else {
        form.requestSubmit();
      }
    });
  }, true);

  // htmx requests from an element with data-confirm ask the same dialog.
  document.addEventListener("htmx:confirm", function (event) {
    var source = event.detail.elt;
    if (!source.dataset || !source.dataset.confirm || !dialog) {
      return;
    }
    event.preventDefault();
    askConfirmation(source, function () {
      event.detail.issueRequest(true);
    });
  });

  // Dates: dd/mm/yyyy typed or picked from the vendored calendar (vanillajs-datepicker).
  function attachDatepickers(root) {
    if (!window.Datepicker) {
      return;
    }
    root.querySelectorAll("input[data-datepicker]:not([data-datepicker-ready])").forEach(function (input) {
      input.setAttribute("data-datepicker-ready", "");
      new window.Datepicker(input, {
        language: lang === "vi" ? "vi" : "en",
        format: "dd/mm/yyyy",
        weekStart: 1,
        autohide: true,
        showOnFocus: false,
        todayButton: true,
        todayButtonMode: 1,
        todayHighlight: true,
        buttonClass: "btn",
        updateOnBlur: true
      });
    });
  }

  // Long lists and marked lists get a search box (Tom Select); the <select> stays in the form.
  function attachSearchSelects(root) {
    if (!window.TomSelect) {
      return;
    }
    root.querySelectorAll("select:not(.tomselected):not([data-native])").forEach(function (select) {
      var marked = select.hasAttribute("data-search-select");
      if (!marked && (select.multiple || select.options.length <= SEARCH_AFTER)) {
        return;
      }
      // The empty choice ("---------") becomes the placeholder; an optional list gets a clear button.
      var plugins = {};
      if (select.multiple) {
        plugins.remove_button = {title: body.dataset.uiRemove};
      } else if (!select.required) {
        plugins.clear_button = {title: body.dataset.uiClear};
      }
      var settings = {
        maxOptions: null,
        // Filter on each keystroke, not 300 ms later: a late refresh reopened a list the user had
        // just closed (the lists are in the page, so there is nothing to throttle).
        refreshThrottle: 0,
        allowEmptyOption: false,
        create: false,
        plugins: plugins,
        render: {
          no_results: function () {
            var div = document.createElement("div");
            div.className = "no-results";
            div.textContent = body.dataset.uiNoResults;
            return div;
          }
        }
      };
      new window.TomSelect(select, settings);
      // The label now names Tom Select's own input; the hidden <select> leaves the accessibility tree.
      select.setAttribute("aria-hidden", "true");
    });
  }

  // A table wider than the screen scrolls in its frame; keyboard users reach the frame to scroll it.
  function focusableScrollers(root) {
    root.querySelectorAll(".table-responsive, .overflow-auto, .overflow-x-auto").forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth && !frame.hasAttribute("tabindex")) {
        frame.setAttribute("tabindex", "0");
      }
    });
  }

  function enhance(root) {
    attachDatepickers(root);
    attachSearchSelects(root);
    focusableScrollers(root);
  }

  enhance(document);
  document.addEventListener("htmx:load", function (event) {
    enhance(event.target);
  });
})();
