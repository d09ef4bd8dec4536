/* Search results: when a result link is opened (click, middle click, Enter), post its signed click token to
 * search:choose with the page's CSRF token, so the search log learns which result the search led to. The link
 * itself goes straight to the result; sendBeacon delivers the post while the browser leaves the page. */
(function () {
  "use strict";
  var form = document.getElementById("search-click-log");
  if (!form) return;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  var sent = false;

  function record(event) {
    var link = event.target.closest ? event.target.closest("a[data-click]") : null;
    if (!link || sent) return;
    sent = true; // only the first click of a search counts
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf ? csrf.value : "");
    data.append("t", link.getAttribute("data-click"));
    if (navigator.sendBeacon && navigator.sendBeacon(form.action, data)) return;
    fetch(form.action, {method: "POST", body: data, credentials: "same-origin", keepalive: true});
  }

  document.addEventListener("click", record);
  document.addEventListener("auxclick", record);
})();
