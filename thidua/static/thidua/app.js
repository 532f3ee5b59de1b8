// Behaviours that pages ask for with data attributes. The Content-Security-Policy forbids inline
// script and on* handlers, so templates write data-print / data-autosubmit and this file acts.
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
