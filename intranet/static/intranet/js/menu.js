/* The main navigation's menu button on phones (GOV.UK's pattern; docs/architecture.md, "Phones").
 * Narrower than 40rem the button shows and the list of sections is hidden until the button opens it;
 * wider, the button is hidden and the sections are a row. Without this script the button stays hidden
 * and the sections wrap onto several rows, so every section is reachable either way. */
(function () {
  "use strict";
  var button = document.querySelector(".main-nav__toggle");
  var list = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!list || !window.matchMedia) return;
  var phone = window.matchMedia("(max-width: 40rem)");
  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
  }
  function layout() {
    button.hidden = !phone.matches;
    if (phone.matches) setOpen(button.getAttribute("aria-expanded") === "true");
    else list.hidden = false;
  }
  button.addEventListener("click", function () { setOpen(button.getAttribute("aria-expanded") !== "true"); });
  list.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && phone.matches) { setOpen(false); button.focus(); }
  });
  if (phone.addEventListener) phone.addEventListener("change", layout); else phone.addListener(layout);
  layout();
})();
