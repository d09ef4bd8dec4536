/* Header search autocomplete: the ARIA 1.2 combobox pattern (list autocomplete).
 *
 * The input gets role=combobox and controls a listbox of suggestions from
 * /haku/ehdotukset/. Typing waits DEBOUNCE_MS after the last key, and every new
 * request aborts the one before it (AbortController), so a slow answer to an
 * old prefix never replaces a newer one. Arrow keys move the active option
 * (aria-activedescendant; focus stays in the input), Enter opens it, Escape
 * closes the list (a second Escape clears the input), and a polite live
 * region announces how many suggestions there are. Without JavaScript the
 * form still submits to /haku/.
 */
(function () {
  "use strict";
  var DEBOUNCE_MS = 200; // about one keystroke gap: fewer requests, still feels instant
  var MIN_CHARS = 2;
  var form = document.querySelector("form.site-search[data-autocomplete]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var endpoint = form.getAttribute("data-autocomplete");
  var listId = "site-search-suggestions";
  var list = document.createElement("ul");
  list.id = listId;
  list.className = "autocomplete";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
  list.hidden = true;
  form.appendChild(list);
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  form.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  var timer = null;
  var controller = null;
  var results = [];
  var active = -1;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({block: "nearest"});
  }

  function render(data) {
    results = data.results || [];
    list.textContent = "";
    results.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = listId + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var type = document.createElement("span");
      type.className = "ac-type";
      type.textContent = item.type_label + (item.detail ? " · " + item.detail : "");
      li.appendChild(document.createTextNode(item.title));
      li.appendChild(type);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); go(i); });
      list.appendChild(li);
    });
    if (data.degraded && results.length) {
      var note = document.createElement("li");
      note.className = "ac-note";
      note.setAttribute("aria-hidden", "true");
      note.textContent = form.getAttribute("data-label-basic");
      list.appendChild(note);
    }
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (results.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = results.length + " " + form.getAttribute("data-label-count");
    } else {
      close();
      status.textContent = form.getAttribute("data-label-none");
    }
  }

  function go(index) {
    var item = results[index];
    if (item && item.url.charAt(0) === "/") window.location.assign(item.url);
  }

  function fetchSuggestions() {
    var text = input.value.trim();
    if (controller) controller.abort();
    if (text.length < MIN_CHARS) { close(); status.textContent = ""; return; }
    controller = new AbortController();
    fetch(endpoint + "?q=" + encodeURIComponent(text), {
      signal: controller.signal, credentials: "same-origin", headers: {"Accept": "application/json"}
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(render).catch(function (error) {
      if (error.name !== "AbortError") close();
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      if (list.hidden && results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      setActive(active + 1); event.preventDefault();
    } else if (event.key === "ArrowUp") {
      setActive(active - 1); event.preventDefault();
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault(); go(active);
    } else if (event.key === "Escape") {
      if (!list.hidden) { close(); event.preventDefault(); } else { input.value = ""; }
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
