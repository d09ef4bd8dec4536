/* The event page's live state: "Live now" and the join button from 10 minutes before the start
 * (events.live frames from events/actions.py). The button is in the page only for those allowed to
 * see the link; the frame carries no link. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var article = document.querySelector("[data-event-id]");
    if (!article || !window.TaimiLive) return;
    var id = Number(article.getAttribute("data-event-id"));
    TaimiLive.on("events.live", function (frame) {
      if (!frame.event || frame.event.id !== id) return;
      var live = frame.event.state === "live";
      article.querySelectorAll("[data-live-state], [data-join]").forEach(function (node) {
        node.hidden = !live;
      });
    });
  });
})();
