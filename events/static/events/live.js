/* Events on open pages (frames from events/actions.py, sent to everyone):
 * - events.live: "Live now" and the join button from 10 minutes before the start, gone when it ends. The
 *   button is in the page only for those allowed to see the link; the frame carries no link.
 * - events.changed: the time, place or link changed, or the event was cancelled: the event page says so
 *   (a status message with a reload link), the lists and the home block mark the event.
 * The event page is [data-event-id]; an event in a list or the home block is [data-live-event]. */
(function () {
  "use strict";
  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }
  function targets(id) {
    var found = [];
    each(document, "[data-event-id], [data-live-event]", function (node) {
      var own = node.getAttribute("data-event-id") || node.getAttribute("data-live-event");
      if (Number(own) === id) found.push(node);
    });
    return found;
  }
  function start() {
    if (!window.TaimiLive) return;
    TaimiLive.on("events.live", function (frame) {
      if (!frame.event) return;
      var live = frame.event.state === "live";
      targets(frame.event.id).forEach(function (node) {
        each(node, "[data-live-state], [data-join], [data-live-badge]", function (part) {
          part.hidden = !live;
        });
      });
    });
    TaimiLive.on("events.changed", function (frame) {
      if (!frame.event) return;
      var cancelled = frame.event.state === "cancelled";
      targets(frame.event.id).forEach(function (node) {
        each(node, cancelled ? "[data-event-cancelled]" : "[data-event-changed]", function (part) {
          part.hidden = false;
        });
        if (cancelled) {
          each(node, "[data-live-state], [data-join], [data-live-badge]", function (part) {
            part.hidden = true;
          });
        }
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
