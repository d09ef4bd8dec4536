/* Taimi live updates: one websocket per tab (protocol v1, docs/realtime.md). No dependencies, no build step.
 *
 * Public API (window.TaimiLive):
 *   TaimiLive.on(type, fn)          fn(frame) for each server frame of that type ("*" for all);
 *                                   "open" / "close" get the connection state changes
 *   TaimiLive.send(frame)           send a frame now (or when connected); returns false if dropped
 *   TaimiLive.request(frame)        Promise of the answer with the same "ref" (errors reject)
 *   TaimiLive.subscribe(topics)     follow topics; re-sent after every reconnect
 *   TaimiLive.unsubscribe(topics)
 *   TaimiLive.state()               "connecting" | "open" | "closed"
 *   TaimiLive.announce(text)        say a short status to screen-reader users (one polite, visually hidden
 *                                   region for every script on the page; a repeated text is said again)
 * Frames are also dispatched as DOM events: document.addEventListener("taimi:frame", e => e.detail).
 *
 * Reconnects with exponential backoff and full jitter (so 550 browsers do not return in step after a
 * server restart), resubscribes, and asks again for the presence of everyone shown on the page.
 * Presence: the tab reports "away" after 5 minutes without input or while hidden, "online" otherwise.
 * Midnight in Helsinki: a page left open takes the new day's work locations without a reload.
 * Nothing from a frame is ever parsed as HTML.
 */
(function () {
  "use strict";
  if (!("WebSocket" in window)) return;
  var MIN_DELAY = 1000, MAX_DELAY = 30000, IDLE_AFTER = 5 * 60 * 1000, QUERY_CHUNK = 100;
  var attempt = 0, socket = null, refs = 0, connState = "connecting";
  var listeners = {}, pending = {}, topics = {}, outbox = [], seenArticles = {};
  var lang = (document.documentElement.lang || "fi").slice(0, 2);
  var bellCount = document.querySelector("[data-bell-count]");
  var bell = document.querySelector(".bell");
  var labels = { status: {}, where: {} };
  try { labels = JSON.parse(document.getElementById("taimi-live-labels").textContent); } catch (e) { /* defaults */ }

  function emit(type, frame) {
    (listeners[type] || []).concat(listeners["*"] || []).forEach(function (fn) {
      try { fn(frame); } catch (error) { if (window.console) console.error(error); }
    });
  }

  function rawSend(frame) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(frame)); return true; }
    if (outbox.length < 100) { outbox.push(frame); return true; }
    return false;
  }

  var api = {
    on: function (type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    send: function (frame) { frame.v = 1; return rawSend(frame); },
    request: function (frame) {
      return new Promise(function (resolve, reject) {
        var ref = "c" + (++refs);
        pending[ref] = { resolve: resolve, reject: reject };
        frame.ref = ref;
        api.send(frame);
        setTimeout(function () { if (pending[ref]) { delete pending[ref]; reject(new Error("timeout")); } }, 10000);
      });
    },
    subscribe: function (list) {
      var fresh = list.filter(function (t) { return t && !topics[t]; });
      fresh.forEach(function (t) { topics[t] = true; });
      for (var i = 0; i < fresh.length; i += QUERY_CHUNK) {
        if (connState === "open") api.send({ type: "subscribe", topics: fresh.slice(i, i + QUERY_CHUNK) });
      }
    },
    unsubscribe: function (list) {
      list.forEach(function (t) { delete topics[t]; });
      if (connState === "open") api.send({ type: "unsubscribe", topics: list });
    },
    state: function () { return connState; }
  };
  window.TaimiLive = api;

  /* A polite status region, made on first use: hidden for announcements, visible for the news toast. */
  function politeRegion(id, className) {
    var region = document.getElementById(id);
    if (!region) {
      region = document.createElement("div");
      region.id = id;
      region.className = className;
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  api.announce = function (text) {
    var statusRegion = politeRegion("taimi-status", "visually-hidden");
    statusRegion.textContent = "";
    // A fresh text node after a tick makes screen readers announce a repeated message too.
    setTimeout(function () { statusRegion.textContent = text; }, 50);
  };

  /* --- the bell and news (unchanged behaviour) ------------------------------------------- */
  function liveRegion() {
    return politeRegion("taimi-live", "live-toast");
  }
  function setCount(count) {
    if (!bellCount || !bell) return;
    bell.setAttribute("data-unread", String(count));
    bellCount.firstChild.nodeValue = String(count);
    var word = bellCount.querySelector("[data-bell-word]");
    if (word) word.textContent = " " + word.getAttribute(count === 1 ? "data-one" : "data-other");
    bellCount.hidden = count <= 0;
  }
  function bump() { setCount(parseInt(bell ? bell.getAttribute("data-unread") : "0", 10) + 1); }
  function toast(prefix, text, url) {
    var region = liveRegion();
    region.textContent = "";
    if (prefix) { var label = document.createElement("span"); label.textContent = prefix; region.appendChild(label); }
    var link = document.createElement("a");
    link.href = url;
    link.textContent = text;
    region.appendChild(link);
    region.hidden = false;
  }
  api.on("hello", function (frame) {
    if (typeof frame.unread_notifications === "number") setCount(frame.unread_notifications);
    if (frame.presence) showSelf(frame.presence);
  });
  api.on("news.published", function (frame) {
    var article = frame.article;
    if (!article || seenArticles[article.id]) return; // one frame per audience topic: show it once
    seenArticles[article.id] = true;
    bump();
    toast(lang === "sv" ? "Ny nyhet: " : lang === "en" ? "New article: " : "Uusi uutinen: ",
      lang === "sv" && article.title_sv ? article.title_sv : article.title, article.url || "/uutiset/");
  });
  api.on("mention", function (frame) {
    var m = frame.mention;
    if (!m) return;
    bump();
    toast("", lang === "sv" && m.title_sv ? m.title_sv : m.title, m.url || "/ilmoitukset/");
  });

  /* --- presence on the page ----------------------------------------------------------------- */
  function statusText(status) { return (labels.status && labels.status[status]) || status; }
  function paint(node, value) {
    node.className = node.className.replace(/presence--\w+/, "presence--" + value.status);
    var label = node.querySelector(".presence__label");
    if (label) label.textContent = statusText(value.status);
    var custom = node.querySelector(".presence__custom");
    if (custom) custom.textContent = (value.emoji || value.text) ? " · " + [value.emoji, value.text].join(" ").trim() : "";
  }
  function showPresence(people) {
    Object.keys(people).forEach(function (uid) {
      document.querySelectorAll('[data-presence-user="' + uid + '"]').forEach(function (node) { paint(node, people[uid]); });
    });
  }
  function showSelf(value) {
    document.querySelectorAll("[data-presence-self]").forEach(function (node) {
      paint(node, { status: value.status, text: "", emoji: "" });
    });
  }
  function whereText(where) {
    if (!where) return labels.unset || "";
    var text = where.kind === "office" ? (lang === "sv" ? where.name_sv : where.name) : (labels.where[where.kind] || where.kind);
    return where.note ? text + " – " + where.note : text;
  }
  function showWhere(frame) {
    document.querySelectorAll('[data-where-user="' + frame.user + '"] .where__label').forEach(function (node) {
      node.textContent = whereText(frame.where);
    });
    if (frame.user === myId) {
      document.querySelectorAll("[data-where-self]").forEach(function (node) { node.textContent = whereText(frame.where); });
    }
    var section = document.querySelector("[data-here-today]");
    if (!section) return;
    var here = frame.where && frame.where.kind === "office" && String(frame.where.location) === section.getAttribute("data-here-today");
    var list = section.querySelector("[data-here-list]");
    var existing = list && list.querySelector('[data-here-person="' + frame.user + '"]');
    var card = list && list.querySelector('[data-presence-user="' + frame.user + '"]');
    if (here && !card && !existing && list) {
      var item = document.createElement("li");
      item.className = "card person-card";
      item.setAttribute("data-here-person", String(frame.user));
      var heading = document.createElement("h3");
      var link = document.createElement("a");
      link.href = frame.url; link.textContent = frame.name;
      heading.appendChild(link);
      var p = document.createElement("p");
      p.className = "presence presence--offline";
      p.setAttribute("data-presence-user", String(frame.user));
      p.innerHTML = '<span class="presence__dot" aria-hidden="true"></span> <span class="presence__label"></span><span class="presence__custom"></span>';
      var body = document.createElement("div");
      body.appendChild(heading); body.appendChild(p);
      item.appendChild(body);
      list.appendChild(item);
      if (frame.presence) paint(p, frame.presence);
      var empty = section.querySelector("[data-here-empty]");
      if (empty) empty.hidden = true;
      api.subscribe(["presence.user." + frame.user]);
    } else if (!here && (card || existing)) {
      var gone = (existing || card.closest("li"));
      if (gone && !gone.querySelector(".moved")) {
        var note = document.createElement("p");
        note.className = "moved";
        note.textContent = labels.moved || "";
        gone.appendChild(note);
      }
    }
  }
  api.on("presence", function (frame) { if (frame.people) showPresence(frame.people); });
  api.on("presence.self", showSelf);
  api.on("worklocation", showWhere);

  function pageTopics() {
    var list = [];
    document.querySelectorAll("[data-presence-topics]").forEach(function (node) {
      node.getAttribute("data-presence-topics").split(/\s+/).forEach(function (t) { if (t) list.push(t); });
    });
    return list;
  }
  function pageUsers() {
    var ids = {};
    document.querySelectorAll("[data-presence-user]").forEach(function (node) {
      ids[node.getAttribute("data-presence-user")] = true;
    });
    return Object.keys(ids).map(Number).filter(function (n) { return n > 0; });
  }
  function resync() {
    // After every (re)connect: follow the page's topics and each shown person, then ask for a snapshot.
    var users = pageUsers();
    var wanted = pageTopics().concat(users.map(function (id) { return "presence.user." + id; }));
    var all = Object.keys(topics).concat(wanted.filter(function (t) { return !topics[t]; }));
    all.forEach(function (t) { topics[t] = true; });
    var chain = Promise.resolve();
    for (var i = 0; i < all.length; i += QUERY_CHUNK) {
      (function (chunk) { chain = chain.then(function () { return api.request({ type: "subscribe", topics: chunk }); }); })(all.slice(i, i + QUERY_CHUNK));
    }
    for (var j = 0; j < users.length; j += QUERY_CHUNK) {
      (function (chunk) {
        chain = chain.then(function () { return api.request({ type: "presence.query", users: chunk }); })
          .then(function (answer) { if (answer.people) showPresence(answer.people); });
      })(users.slice(j, j + QUERY_CHUNK));
    }
    chain.catch(function () { /* the next reconnect tries again */ });
  }

  /* --- activity: away after 5 minutes idle or while the tab is hidden ------------------------ */
  var activity = "online", lastInput = Date.now();
  function report() {
    var wanted = document.hidden || Date.now() - lastInput > IDLE_AFTER ? "away" : "online";
    if (wanted !== activity) {
      activity = wanted;
      if (connState === "open") api.send({ type: "presence.activity", state: activity });
    }
  }
  ["pointerdown", "keydown", "scroll", "pointermove"].forEach(function (name) {
    window.addEventListener(name, function () { lastInput = Date.now(); if (activity === "away") report(); }, { passive: true });
  });
  document.addEventListener("visibilitychange", report);
  setInterval(report, 30000);

  /* --- midnight in Helsinki: today's work locations reset in pages left open ------------------ */
  // The page carries the Helsinki date it was rendered for (labels.today). Once Helsinki's date moves
  // on, the tab fetches the same page again, after a random delay so that the tabs left open overnight
  // do not arrive in step, and takes the new day's values from it: every "where" label (cards,
  // profile, team and header) and the location page's "here today" section. Then it resyncs, so
  // people who newly appear get live presence too. A failed fetch is retried at the next check.
  var DAY_CHECK = 20000, DAY_SPREAD = 60000;
  var pageDay = labels.today || null, rolling = false;
  function helsinkiDay() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }
  function imported(node) {
    return Array.prototype.map.call(node.childNodes, function (child) { return document.importNode(child, true); });
  }
  function takeDay(fresh) {
    document.querySelectorAll("[data-where-user]").forEach(function (node) {
      var label = node.querySelector(".where__label");
      var twin = fresh.querySelector('[data-where-user="' + node.getAttribute("data-where-user") + '"] .where__label');
      if (label) label.textContent = twin ? twin.textContent : (labels.unset || "");
    });
    var selves = fresh.querySelectorAll("[data-where-self]");
    document.querySelectorAll("[data-where-self]").forEach(function (node, index) {
      if (selves[index]) node.textContent = selves[index].textContent;
    });
    var section = document.querySelector("[data-here-today]");
    var freshSection = fresh.querySelector("[data-here-today]");
    if (section && freshSection) section.replaceChildren.apply(section, imported(freshSection));
  }
  function rollDay() {
    fetch(location.href, { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var day = JSON.parse(fresh.getElementById("taimi-live-labels").textContent).today;
        if (day === pageDay) throw new Error("the server is still on the old day");
        takeDay(fresh);
        pageDay = day;
        document.documentElement.setAttribute("data-day", day);
        emit("day", { today: day });
        if (connState === "open") resync();
      })
      .catch(function () { /* signed out, offline or early: the next check tries again */ })
      .then(function () { rolling = false; });
  }
  function checkDay() {
    if (!rolling && pageDay && helsinkiDay() !== pageDay) {
      rolling = true;
      setTimeout(rollDay, Math.random() * DAY_SPREAD);
    }
  }
  if (pageDay) {
    document.documentElement.setAttribute("data-day", pageDay);
    setInterval(checkDay, DAY_CHECK);
  }

  /* --- the connection ------------------------------------------------------------------------ */
  var myId = null;
  function handle(frame) {
    if (frame.type === "hello") myId = frame.user_id;
    if (frame.ref && pending[frame.ref]) {
      var waiter = pending[frame.ref];
      delete pending[frame.ref];
      if (frame.type === "error") waiter.reject(frame); else waiter.resolve(frame);
    }
    emit(frame.type, frame);
    document.dispatchEvent(new CustomEvent("taimi:frame", { detail: frame }));
  }
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    connState = "connecting";
    socket = new WebSocket(scheme + location.host + "/ws/");
    socket.onopen = function () {
      attempt = 0;
      connState = "open";
      var queued = outbox; outbox = [];
      queued.forEach(rawSend);
      activity = "online";
      report(); // a tab opened in the background starts "away"
      resync();
      emit("open", {});
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (error) { return; } // ignore a malformed frame
      handle(frame);
    };
    socket.onclose = function (event) {
      connState = "closed";
      emit("close", { code: event.code });
      Object.keys(pending).forEach(function (ref) { pending[ref].reject(new Error("closed")); delete pending[ref]; });
      if (event.code === 4401) return; // signed out: the next page load goes to the login page
      if (event.code === 4503) { // the server is restarting (drain): another one takes us now, spread over 1 s
        attempt = 0;
        retry = setTimeout(connect, Math.random() * 1000);
        return;
      }
      attempt += 1;
      var ceiling = Math.min(MAX_DELAY, MIN_DELAY * Math.pow(2, attempt - 1));
      retry = setTimeout(connect, ceiling / 4 + Math.random() * ceiling * 3 / 4);
    };
    window.taimiSocket = socket;
  }
  // Back online: reconnect now rather than after the backoff the failed attempts built up while
  // offline (up to MAX_DELAY); the browsers of one office do not return together from their own outage.
  var retry = null;
  window.addEventListener("online", function () {
    if (connState !== "closed") return;
    clearTimeout(retry);
    attempt = 0;
    connect();
  });
  connect();
})();
