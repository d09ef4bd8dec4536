/* Live participation count on a round page: the server's "strategy.counts" frame (strategy/actions.py)
   carries how many have taken part (five or more, else null), never an answer. */
(function () {
  "use strict";
  var box = document.querySelector("[data-strategy-counts]");
  if (!box || !window.TaimiLive) { return; }
  var slug = box.getAttribute("data-strategy-counts");
  window.TaimiLive.on("strategy.counts", function (frame) {
    if (frame.round !== slug || !frame.counts || frame.counts.participants == null) { return; }
    // The figure is the sentence's only number ("12 henkilöä on osallistunut."); "fewer than five" has none
    // and stays until the page is reloaded.
    if (/\d+/.test(box.textContent)) {
      box.textContent = box.textContent.replace(/\d+/, String(frame.counts.participants));
    }
  });
}());
