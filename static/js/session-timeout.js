// The warning before a session's idle end (samverkan.accounts): a dialog some minutes
// before, with "Stay signed in" (posts to the keep-alive URL). When the time is up the page
// reloads and the server sends the person to the sign-in page, saying why. Without
// JavaScript nothing of this happens, and the server still ends the session.
(function () {
  "use strict";
  var dialog = document.getElementById("session-timeout");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var form = dialog.querySelector("form");
  var keepAlive = dialog.querySelector("[data-keep-alive]");
  var text = dialog.querySelector("#session-timeout-text");
  var warning = Number(dialog.dataset.warningSeconds) * 1000;
  var timers = [];

  function clearTimers() {
    timers.forEach(window.clearTimeout);
    timers = [];
  }

  function schedule(idleSeconds, absoluteSeconds) {
    clearTimers();
    var idle = idleSeconds * 1000;
    var absolute = absoluteSeconds * 1000;
    var ends = Math.min(idle, absolute);
    var byAbsolute = absolute <= idle;
    timers.push(window.setTimeout(function () {
      text.textContent = byAbsolute ? text.dataset.absoluteText : text.dataset.idleText;
      keepAlive.hidden = byAbsolute;
      if (!dialog.open) {
        dialog.showModal();
      }
      (byAbsolute ? dialog.querySelector("[data-close]") : keepAlive).focus();
    }, Math.max(0, ends - warning)));
    timers.push(window.setTimeout(function () {
      window.location.reload();
    }, ends + 1000));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok || response.redirected) {
        window.location.reload();
        return null;
      }
      return response.json();
    }).then(function (data) {
      if (data) {
        dialog.close();
        schedule(data.idle_seconds, data.absolute_seconds);
      }
    }).catch(function () {
      window.location.reload();
    });
  });
  dialog.querySelector("[data-close]").addEventListener("click", function () {
    dialog.close();
  });
  schedule(Number(dialog.dataset.idleSeconds), Number(dialog.dataset.absoluteSeconds));
})();
