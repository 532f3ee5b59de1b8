/* Signing with the signer's USB token through a local agent (docs/signing.md): the form opens a
   signing session on the server, then
   - the VGCA agent (data-signing-agent) gets the session's one-time download and upload
     addresses, signs the PDF with the token and uploads it itself;
   - a digest-signing agent (data-digest-agent) gets the document's digest, returns a CMS
     signature, and this page posts it to the session's one-time upload address;
   then the page shows the outcome. The texts come from the form's data-* attributes
   (translated in the template). */
(function () {
  "use strict";

  function postJson(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
                       body: JSON.stringify(body)});
  }

  function viaFileAgent(form, session) {
    return postJson(form.dataset.signingAgent + "/sign", session)
      .catch(function () { throw new Error(form.dataset.unreachable); });
  }

  function viaDigestAgent(form, session) {
    return postJson(form.dataset.digestAgent + "/sign-hash",
                    {SessionId: session.SessionId, Hash: session.Hash,
                     HashAlgorithm: session.HashAlgorithm})
      .catch(function () { throw new Error(form.dataset.unreachable); })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok || !answer.Signature) {
            throw new Error(answer.Message || form.dataset.refused);
          }
          return postJson(session.UploadHandler, {Signature: answer.Signature});
        });
      });
  }

  function wire(form, sign) {
    var status = document.getElementById(form.dataset.status);
    var button = form.querySelector("button[type=submit]");
    button.disabled = false;  // ready to intercept the submit

    function say(text, tone) {
      status.textContent = text;
      status.className = "alert mt-2 alert-" + tone;
      status.hidden = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
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
          return sign(form, session).then(function () {
            window.location.assign(session.ResultUrl);
          });
        })
        .catch(function (error) {
          say(error.message, "danger");
          button.disabled = false;
        });
    });
  }

  document.querySelectorAll("form[data-signing-agent]").forEach(function (form) {
    wire(form, viaFileAgent);
  });
  document.querySelectorAll("form[data-digest-agent]").forEach(function (form) {
    wire(form, viaDigestAgent);
  });
})();
