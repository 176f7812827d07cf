// Progressive enhancement of the case page's dossier list: while a dossier is being prepared,
// ask the status endpoint every few seconds and show the result without reloading the page.
// Without JavaScript the page shows the status and a refresh link instead.
(function () {
  "use strict";
  var MAX_WAIT_MS = 15000;

  function show(item, state) {
    var label = item.querySelector("[data-dossier-label]");
    if (label) {
      label.textContent = state.label + (state.failure ? ": " + state.failure : "");
    }
    var download = item.querySelector("[data-dossier-download]");
    if (download) {
      if (state.ready) {
        download.href = state.download_url;
        download.hidden = false;
      } else {
        download.hidden = true;
      }
    }
    var stale = item.querySelector("[data-dossier-stale]");
    if (stale) {
      stale.hidden = !state.out_of_date;
    }
    var pages = item.querySelector("[data-dossier-pages]");
    if (pages && state.ready && state.pages) {
      pages.textContent = " (" + state.pages + ")";
    }
  }

  function poll(item, url, wait) {
    window.setTimeout(function () {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (state) {
          show(item, state);
          if (state.pending) { poll(item, url, Math.min(wait * 1.5, MAX_WAIT_MS)); }
        })
        .catch(function () { poll(item, url, MAX_WAIT_MS); });
    }, wait);
  }

  document.querySelectorAll("[data-dossier][data-status-url]").forEach(function (item) {
    if (item.getAttribute("data-pending") === "true") {
      poll(item, item.getAttribute("data-status-url"), 1500);
    }
  });
})();
