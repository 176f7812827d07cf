// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Quick exit. Without JavaScript the form posts, the portal signs out and redirects to the neutral
  // page. With it, the sign-out is posted in the background (keepalive: it survives leaving the page)
  // and this page is replaced in the history, so "Back" does not return here. Shift+Escape does the same.
  var form = document.querySelector("form[data-quick-exit]");
  if (!form) { return; }
  var left = false;
  function leave() {
    if (left) { return; }
    left = true;
    document.body.hidden = true;
    var done = function () { window.location.replace(form.dataset.leaveTo); };
    // Wait for the sign-out a moment (it usually takes a few milliseconds), never longer.
    window.setTimeout(done, 800);
    window.fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      keepalive: true, redirect: "manual"
    }).then(done, done);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    leave();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.shiftKey) { leave(); }
  });
})();
