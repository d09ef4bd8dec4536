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

/* Dot vote: how many dots are still to give, said politely as the person types (the server checks the sum). */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-strategy-dots]");
  Array.prototype.forEach.call(forms, function (form) {
    var total = parseInt(form.getAttribute("data-strategy-dots"), 10);
    var status = form.querySelector("[data-dots-left]");
    var template = form.getAttribute("data-dots-text") || "";
    function update() {
      var given = 0;
      Array.prototype.forEach.call(form.querySelectorAll("input[type=number]"), function (input) {
        var n = parseInt(input.value, 10);
        if (!isNaN(n) && n > 0) { given += n; }
      });
      status.textContent = template.replace("{total}", total).replace("{given}", given).replace("{left}", total - given);
    }
    if (template) { form.addEventListener("input", update); }
  });
}());
