/* Portal behaviour without inline scripts: CAPTCHA refresh and audio, print, back link. */
(function () {
  "use strict";

  function refreshCaptcha(button) {
    var box = button.closest(".portal-captcha");
    fetch(button.dataset.url, {headers: {"X-Requested-With": "XMLHttpRequest"}})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        box.querySelector("img.captcha").src = data.image_url;
        box.querySelector("input[type=hidden]").value = data.key;
        var audio = box.querySelector(".js-captcha-audio");
        if (audio && data.audio_url) { audio.href = data.audio_url; }
        var input = box.querySelector("input[type=text]");
        input.value = "";
        input.focus();
      });
  }

  document.addEventListener("click", function (event) {
    var refresh = event.target.closest(".js-captcha-refresh");
    if (refresh) { event.preventDefault(); refreshCaptcha(refresh); return; }
    var audio = event.target.closest(".js-captcha-audio");
    if (audio) { event.preventDefault(); new Audio(audio.href).play(); return; }
    if (event.target.closest(".js-print")) { window.print(); return; }
    var back = event.target.closest(".js-back");
    if (back && document.referrer && new URL(document.referrer).host === location.host) {
      event.preventDefault();
      history.back();
    }
  });
})();
