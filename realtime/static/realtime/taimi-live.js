/* Taimi live updates: one websocket per tab (docs/realtime.md). No dependencies, no build step.
 * Reconnects with exponential backoff and jitter; keeps the bell's unread count current and
 * announces newly published news politely to screen readers. Frames are hints: the page
 * works without them. Other scripts listen with:
 *   document.addEventListener("taimi:frame", (event) => event.detail);
 */
(function () {
  "use strict";
  if (!("WebSocket" in window)) return;
  var MIN_DELAY = 1000, MAX_DELAY = 30000;
  var attempt = 0, seenArticles = {};
  var lang = (document.documentElement.lang || "fi").slice(0, 2);
  var bellCount = document.querySelector("[data-bell-count]");
  var bell = document.querySelector(".bell");

  function liveRegion() {
    var region = document.getElementById("taimi-live");
    if (!region) {
      region = document.createElement("div");
      region.id = "taimi-live";
      region.className = "live-toast";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  function setCount(count) {
    if (!bellCount || !bell) return;
    bell.setAttribute("data-unread", String(count));
    bellCount.firstChild.nodeValue = String(count);
    var word = bellCount.querySelector("[data-bell-word]");
    if (word) word.textContent = " " + word.getAttribute(count === 1 ? "data-one" : "data-other");
    bellCount.hidden = count <= 0;
  }

  function onNewsPublished(article) {
    if (seenArticles[article.id]) return; // one frame per audience group: show it once
    seenArticles[article.id] = true;
    setCount(parseInt(bell ? bell.getAttribute("data-unread") : "0", 10) + 1);
    var title = lang === "sv" && article.title_sv ? article.title_sv : article.title;
    var region = liveRegion();
    region.textContent = "";
    var link = document.createElement("a");
    link.href = article.url || "/uutiset/";
    link.textContent = title; // text only: nothing from a frame is parsed as HTML
    var label = document.createElement("span");
    label.textContent = (lang === "sv" ? "Ny nyhet: " : lang === "en" ? "New article: " : "Uusi uutinen: ");
    region.appendChild(label);
    region.appendChild(link);
    region.hidden = false;
  }

  function onMention(mention) {
    // One frame per new notification (realtime.actions.mention_created): bump the bell, say who and where.
    setCount(parseInt(bell ? bell.getAttribute("data-unread") : "0", 10) + 1);
    var region = liveRegion();
    region.textContent = "";
    var link = document.createElement("a");
    link.href = mention.url || "/ilmoitukset/";
    link.textContent = lang === "sv" && mention.title_sv ? mention.title_sv : mention.title; // text only
    region.appendChild(link);
    region.hidden = false;
  }

  function handle(frame) {
    if (frame.type === "hello" && typeof frame.unread_notifications === "number") setCount(frame.unread_notifications);
    if (frame.type === "news.published" && frame.article) onNewsPublished(frame.article);
    if (frame.type === "mention" && frame.mention) onMention(frame.mention);
    document.dispatchEvent(new CustomEvent("taimi:frame", { detail: frame }));
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/");
    socket.onopen = function () { attempt = 0; };
    socket.onmessage = function (event) {
      try { handle(JSON.parse(event.data)); } catch (error) { /* ignore a malformed frame */ }
    };
    socket.onclose = function (event) {
      if (event.code === 4401) return; // signed out: the next page load goes to the login page
      attempt += 1;
      var delay = Math.min(MAX_DELAY, MIN_DELAY * Math.pow(2, attempt - 1));
      setTimeout(connect, delay / 2 + Math.random() * delay / 2);
    };
    window.taimiSocket = socket;
  }
  connect();
})();
