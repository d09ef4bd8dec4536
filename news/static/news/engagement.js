/* Taimi article engagement: progressive enhancement, no dependencies, no build step.
 *
 * 1. Reactions: the toggle buttons are plain form submits (they work without JavaScript);
 *    here they go through fetch() and the count and aria-pressed update in place.
 * 2. @mention autocomplete on every textarea[data-mention-input]: typing "@" and a few letters
 *    lists people (GET the URL in this script tag's data-people-url). The textarea keeps its
 *    role and gets aria-autocomplete="list", aria-controls and aria-activedescendant for a
 *    popup listbox; Up/Down move, Enter (or Tab) picks, Escape closes; the page's polite status
 *    region (TaimiLive.announce, realtime/taimi-live.js) says how many people were found. Everything from the server is inserted as text, never as HTML.
 * 3. A character counter under each comment field (data-max-length), linked with aria-describedby.
 * 4. "Reply" opens the reply form in place (copied from one <template>) instead of reloading the
 *    page with ?vastaa=<id>, which is what happens without JavaScript.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var PEOPLE_URL = (script && script.getAttribute("data-people-url")) || "/uutiset/kommentit/henkilot/";
  var DEBOUNCE_MS = 150;
  var lang = (document.documentElement.lang || "fi").slice(0, 2);
  var TEXT = {
    fi: {
      left: function (n) { return "Merkkejä jäljellä " + n + "."; },
      over: function (n) { return n + " merkkiä liikaa."; },
      found: function (n) { return (n === 1 ? "1 henkilö löytyi" : n + " henkilöä löytyi") + ". Valitse nuolinäppäimillä ja Enterillä, sulje Escillä."; },
      none: "Ketään ei löytynyt.",
      people: "Henkilöt",
      failed: "Reaktiota ei voitu tallentaa. Yritä uudelleen."
    },
    sv: {
      left: function (n) { return n + " tecken kvar."; },
      over: function (n) { return n + " tecken för mycket."; },
      found: function (n) { return (n === 1 ? "1 person hittades" : n + " personer hittades") + ". Välj med pilarna och Enter, stäng med Esc."; },
      none: "Ingen hittades.",
      people: "Personer",
      failed: "Reaktionen kunde inte sparas. Försök igen."
    },
    en: {
      left: function (n) { return n + " characters left."; },
      over: function (n) { return n + " characters too many."; },
      found: function (n) { return (n === 1 ? "1 person found" : n + " people found") + ". Choose with the arrow keys and Enter, close with Escape."; },
      none: "No one found.",
      people: "People",
      failed: "Your reaction could not be saved. Please try again."
    }
  };
  var t = TEXT[lang] || TEXT.fi;

  // Status messages go to the page's one polite region (realtime/taimi-live.js, loaded on every signed-in page).
  function announce(message) {
    if (window.TaimiLive && window.TaimiLive.announce) window.TaimiLive.announce(message);
  }

  /* ---- 1. Reactions ---------------------------------------------------------------------- */

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-reactions")) return;
    var button = event.submitter;
    if (!button || button.name !== "kind" || !window.fetch || !window.FormData) return; // plain submit
    if (form.getAttribute("data-plain") === "true") return;
    event.preventDefault();
    if (button.getAttribute("aria-busy") === "true") return; // a double click toggles once
    var data = new FormData(form);
    data.set("kind", button.value);
    button.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": String(data.get("csrfmiddlewaretoken") || "") }
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (result) {
        button.setAttribute("aria-pressed", result.active ? "true" : "false");
        var count = button.querySelector(".reaction__count");
        if (count) count.textContent = String(result.count);
      })
      .catch(function () {
        // Signed out, comments closed or offline: let the server answer with a whole page.
        announce(t.failed);
        form.setAttribute("data-plain", "true");
        if (form.requestSubmit) form.requestSubmit(button);
      })
      .then(function () { button.removeAttribute("aria-busy"); });
  });

  /* ---- 2. @mention autocomplete --------------------------------------------------------- */

  var TOKEN;
  try {
    TOKEN = new RegExp("(^|[\\s(\\[{\"'«“‘])@([\\p{L}\\p{N}_.\\-]{1,40})$", "u");
  } catch (error) {
    TOKEN = /(^|[\s(\[{"'«“‘])@([\w.\-]{1,40})$/; // older browsers: ASCII names only
  }

  function Mentions(textarea) {
    this.textarea = textarea;
    this.options = [];
    this.active = -1;
    this.token = null;
    this.timer = null;
    this.serial = 0;
    var listbox = document.createElement("ul");
    listbox.id = textarea.id + "-people";
    listbox.className = "mention-list";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", t.people);
    listbox.hidden = true;
    textarea.insertAdjacentElement("afterend", listbox);
    this.listbox = listbox;
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", listbox.id);
    textarea.parentNode.classList.add("mention-field");
    var self = this;
    textarea.addEventListener("input", function () { self.onInput(); });
    textarea.addEventListener("keydown", function (event) { self.onKeydown(event); });
    textarea.addEventListener("blur", function () { setTimeout(function () { self.close(); }, 150); });
    textarea.addEventListener("click", function () { self.onInput(); });
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the focus
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest ? event.target.closest("[role=option]") : null;
      if (option) self.pick(parseInt(option.getAttribute("data-index"), 10));
    });
  }

  Mentions.prototype.currentToken = function () {
    var textarea = this.textarea;
    if (textarea.selectionStart !== textarea.selectionEnd) return null;
    var before = textarea.value.slice(0, textarea.selectionStart);
    var match = TOKEN.exec(before);
    if (!match) return null;
    return { start: before.length - match[2].length - 1, end: before.length, query: match[2] };
  };

  Mentions.prototype.onInput = function () {
    var self = this;
    clearTimeout(this.timer);
    this.token = this.currentToken();
    if (!this.token) { this.close(); return; }
    var query = this.token.query;
    this.timer = setTimeout(function () { self.search(query); }, DEBOUNCE_MS);
  };

  Mentions.prototype.search = function (query) {
    var self = this, serial = ++this.serial;
    fetch(PEOPLE_URL + "?q=" + encodeURIComponent(query), {
      credentials: "same-origin", headers: { "Accept": "application/json" }
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (serial !== self.serial || !self.token) return; // a newer search or the token is gone
        self.show(Array.isArray(data.results) ? data.results : []);
      })
      .catch(function () { self.close(); });
  };

  Mentions.prototype.show = function (people) {
    var listbox = this.listbox;
    listbox.textContent = "";
    this.options = people;
    this.active = -1;
    this.textarea.removeAttribute("aria-activedescendant");
    if (!people.length) {
      listbox.hidden = true;
      announce(t.none);
      return;
    }
    people.forEach(function (person, index) {
      var option = document.createElement("li");
      option.id = listbox.id + "-" + index;
      option.className = "mention-list__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var name = document.createElement("span");
      name.className = "mention-list__name";
      name.textContent = person.name;
      var detail = document.createElement("span");
      detail.className = "mention-list__detail";
      detail.textContent = "@" + person.username + (person.title ? " · " + person.title : "");
      option.appendChild(name);
      option.appendChild(document.createTextNode(" "));
      option.appendChild(detail);
      listbox.appendChild(option);
    });
    listbox.hidden = false;
    announce(t.found(people.length));
  };

  Mentions.prototype.isOpen = function () { return !this.listbox.hidden && this.options.length > 0; };

  Mentions.prototype.move = function (step) {
    var count = this.options.length;
    var next = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    var options = this.listbox.querySelectorAll("[role=option]");
    if (this.active >= 0 && options[this.active]) options[this.active].setAttribute("aria-selected", "false");
    this.active = next;
    options[next].setAttribute("aria-selected", "true");
    this.textarea.setAttribute("aria-activedescendant", options[next].id);
    if (options[next].scrollIntoView) options[next].scrollIntoView({ block: "nearest" });
  };

  Mentions.prototype.onKeydown = function (event) {
    if (!this.isOpen()) return;
    if (event.key === "ArrowDown" || event.key === "Down") { event.preventDefault(); this.move(1); }
    else if (event.key === "ArrowUp" || event.key === "Up") { event.preventDefault(); this.move(-1); }
    else if ((event.key === "Enter" || event.key === "Tab") && this.active >= 0 && !event.shiftKey) {
      event.preventDefault();
      this.pick(this.active);
    } else if (event.key === "Escape" || event.key === "Esc") { event.preventDefault(); this.close(); }
  };

  Mentions.prototype.pick = function (index) {
    var person = this.options[index], token = this.token || this.currentToken();
    if (!person || !token) { this.close(); return; }
    var textarea = this.textarea, value = textarea.value;
    var insert = "@" + person.username + " ";
    textarea.value = value.slice(0, token.start) + insert + value.slice(token.end);
    var caret = token.start + insert.length;
    textarea.setSelectionRange(caret, caret);
    textarea.focus();
    this.close();
    textarea.dispatchEvent(new Event("input", { bubbles: true })); // update the counter
  };

  Mentions.prototype.close = function () {
    clearTimeout(this.timer);
    this.serial++;
    this.options = [];
    this.active = -1;
    this.listbox.hidden = true;
    this.listbox.textContent = "";
    this.textarea.removeAttribute("aria-activedescendant");
  };

  /* ---- 3. Character counter ------------------------------------------------------------- */

  function length(value) {
    // Characters as the server counts them (code points; line endings as one).
    return Array.from(value.replace(/\r\n/g, "\n").trim()).length;
  }

  function counter(textarea) {
    var max = parseInt(textarea.getAttribute("data-max-length"), 10);
    if (!max) return;
    var note = document.createElement("p");
    note.id = textarea.id + "-counter";
    note.className = "comment-counter";
    var listbox = document.getElementById(textarea.id + "-people");
    (listbox || textarea).insertAdjacentElement("afterend", note);
    var described = textarea.getAttribute("aria-describedby");
    textarea.setAttribute("aria-describedby", (described ? described + " " : "") + note.id);
    function update() {
      var left = max - length(textarea.value);
      note.textContent = left >= 0 ? t.left(left) : t.over(-left);
      note.classList.toggle("comment-counter--over", left < 0);
    }
    textarea.addEventListener("input", update);
    update();
  }

  function enhance(textarea) {
    if (!textarea.id || textarea.getAttribute("data-enhanced")) return;
    textarea.setAttribute("data-enhanced", "true");
    if (window.fetch) new Mentions(textarea);
    counter(textarea);
  }

  function init() {
    var fields = document.querySelectorAll("textarea[data-mention-input]");
    for (var i = 0; i < fields.length; i++) enhance(fields[i]);
  }

  /* ---- 4. Reply in place ---------------------------------------------------------------- */
  // Without JavaScript "Reply" reloads the page with the form under the comment (?vastaa=<id>).
  // Here the form is copied from one <template> instead, so the page carries one reply form, not 300.

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-reply-to]") : null;
    var template = document.getElementById("comment-reply-template");
    if (!link || !template || !template.content || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var id = link.getAttribute("data-reply-to");
    var existing = document.getElementById("comment-" + id + "-reply");
    if (existing) { existing.focus(); return; }
    var fragment = template.content.cloneNode(true);
    var form = fragment.querySelector("form");
    var textarea = fragment.querySelector("textarea");
    var label = fragment.querySelector("label");
    form.setAttribute("action", form.getAttribute("action").replace(/#.*$/, "") + "#comment-" + id + "-reply");
    form.querySelector("input[name=parent]").value = id;
    textarea.id = "comment-" + id + "-reply";
    label.htmlFor = textarea.id;
    label.textContent = link.textContent.replace(/\s+/g, " ").trim();
    var wrapper = document.createElement("div");
    wrapper.className = "comment-reply";
    wrapper.id = "comment-" + id + "-reply-form";
    wrapper.appendChild(fragment);
    var holder = link.parentNode;
    holder.parentNode.insertBefore(wrapper, holder.nextSibling);
    holder.hidden = true;
    enhance(textarea);
    textarea.focus();
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
