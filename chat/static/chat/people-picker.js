/* People picker: the ARIA 1.2 combobox pattern (list autocomplete) for choosing people by name.
 *
 * Markup (chat.html): a wrapper [data-people-picker] holding a text input (its
 * <label> names the combobox), a hidden input that receives user names
 * (data-picker-target), and for several people (data-multiple) a list of the
 * chosen ones, each with a remove button. Suggestions come from
 * data-endpoint (/chat/api/ihmiset/?q=…): names without diacritics match,
 * best match first. Arrow keys move the active option (aria-activedescendant;
 * focus stays in the input), Enter or a click picks it, Escape closes the
 * list, a polite live region announces the number of people found and each
 * pick. Requests wait 200 ms after the last key and abort the previous one.
 * Without JavaScript the input is submitted as typed (a user name, or a name
 * that matches exactly one person).
 */
(function () {
  "use strict";
  var DEBOUNCE_MS = 200;
  var MIN_CHARS = 2;

  function setup(root, n) {
    var input = root.querySelector("input[data-picker-input]");
    var target = root.querySelector("input[data-picker-target]");
    var multiple = root.hasAttribute("data-multiple");
    var chosenList = root.querySelector("[data-picker-chosen]");
    var endpoint = root.getAttribute("data-endpoint");
    var listId = "people-picker-" + n;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete people-picker__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", root.getAttribute("data-label-list"));
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    root.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    var timer = null, controller = null, results = [], active = -1, chosen = [];
    if (multiple) {
      // The typed text only searches; the chosen people's user names are what the form sends.
      target.name = input.name;
      input.removeAttribute("name");
      input.removeAttribute("required");
    }

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
    function syncTarget() {
      target.value = chosen.map(function (p) { return p.username; }).join(",");
    }
    function renderChosen() {
      if (!chosenList) return;
      chosenList.textContent = "";
      chosen.forEach(function (person, i) {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode(person.name + " "));
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "people-picker__remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", root.getAttribute("data-label-remove") + " " + person.name);
        remove.addEventListener("click", function () {
          chosen.splice(i, 1);
          syncTarget(); renderChosen();
          status.textContent = root.getAttribute("data-label-removed") + " " + person.name;
          input.focus();
        });
        li.appendChild(remove);
        chosenList.appendChild(li);
      });
      chosenList.hidden = !chosen.length;
    }
    function pick(index) {
      var person = results[index];
      if (!person) return;
      if (multiple) {
        if (!chosen.some(function (p) { return p.username === person.username; })) chosen.push(person);
        input.value = "";
        renderChosen();
      } else {
        chosen = [person];
        input.value = person.name;
      }
      syncTarget();
      close();
      status.textContent = root.getAttribute("data-label-picked") + " " + person.name;
    }
    function render(data) {
      results = data.people || [];
      list.textContent = "";
      results.forEach(function (person, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.appendChild(document.createTextNode(person.name));
        var detail = [person.title, person.unit || person.agency].filter(Boolean).join(" · ");
        if (detail) {
          var small = document.createElement("span");
          small.className = "ac-type";
          small.textContent = detail;
          li.appendChild(small);
        }
        li.addEventListener("mousedown", function (event) { event.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (results.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = results.length + " " + root.getAttribute("data-label-count");
      } else {
        close();
        status.textContent = root.getAttribute("data-label-none");
      }
    }
    function load() {
      var text = input.value.trim();
      if (controller) controller.abort();
      if (text.length < MIN_CHARS) { close(); return; }
      controller = new AbortController();
      fetch(endpoint + "?q=" + encodeURIComponent(text), {
        signal: controller.signal, credentials: "same-origin", headers: {"Accept": "application/json"}
      }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(render).catch(function (error) { if (error.name !== "AbortError") close(); });
    }

    input.addEventListener("input", function () {
      if (!multiple) { chosen = []; target.value = ""; }
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden && results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        setActive(active + 1); event.preventDefault();
      } else if (event.key === "ArrowUp") {
        if (!list.hidden) { setActive(active - 1); event.preventDefault(); }
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault(); pick(active);
      } else if (event.key === "Enter" && multiple && input.value.trim()) {
        event.preventDefault(); // several people: Enter picks, the button submits
      } else if (event.key === "Escape") {
        if (!list.hidden) { close(); event.preventDefault(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    if (chosenList) chosenList.hidden = true;
  }

  document.querySelectorAll("[data-people-picker]").forEach(function (root, n) { setup(root, n); });
})();
