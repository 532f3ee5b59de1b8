/* Signing with the signer's USB token through the local agent (docs/signing.md): the form opens
   a signing session on the server, the agent on 127.0.0.1 gets the session's one-time download
   and upload addresses, signs with the token and uploads; then the page shows the outcome.
   The texts come from the form's data-* attributes (translated in the template). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-signing-agent]");
  if (!form) { return; }
  var status = document.getElementById(form.dataset.status);
  form.querySelector("button[type=submit]").disabled = false;  // ready to intercept the submit

  function say(text, tone) {
    status.textContent = text;
    status.className = "alert mt-2 alert-" + tone;
    status.hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    say(form.dataset.working, "info");
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin"})
      .then(function (response) {
        return response.json().then(function (session) {
          if (!response.ok) { throw new Error(session.error); }
          return session;
        });
      })
      .then(function (session) {
        return fetch(form.dataset.signingAgent + "/sign", {
          method: "POST", headers: {"Content-Type": "application/json"},
          body: JSON.stringify(session)
        }).catch(function () { throw new Error(form.dataset.unreachable); })
          .then(function () { window.location.assign(session.ResultUrl); });
      })
      .catch(function (error) {
        say(error.message, "danger");
        button.disabled = false;
      });
  });
})();
