// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Quick exit: leave at once, and replace this page in the history so "back" does not return here.
  document.querySelectorAll("[data-quick-exit]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      window.location.replace(link.href);
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.shiftKey) {
      var link = document.querySelector("[data-quick-exit]");
      if (link) { window.location.replace(link.href); }
    }
  });
})();
