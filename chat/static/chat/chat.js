/* Taimi chat (docs/chat.md). Vanilla JS, no build step, no HTML from users ever (text nodes only).
 *
 * Uses the page's one websocket (realtime/taimi-live.js): frames arrive as "taimi:frame" events and
 * go out through TaimiLive.send when the client exposes it, else through window.taimiSocket.
 * Never loses a message: the last sequence number seen per room is kept (localStorage); after every
 * (re)connect ("hello") the page subscribes to its rooms and fetches everything after it, ignoring
 * duplicates by id; messages written while offline wait in a queue (localStorage) with their client
 * ids and are sent on reconnect, where the server stores a client id at most once.
 */
(function () {
  "use strict";
  var app = document.querySelector("[data-chat-app]");
  if (!app) return;
  var config = JSON.parse(document.getElementById("chat-config").textContent);
  var T = JSON.parse(document.getElementById("chat-strings").textContent);
  var me = config.user, roomId = config.room;
  var API = "/chat/api/";
  var STORE = "taimi.chat." + me.id + ".";
  var TYPING_EVERY = 3000, TYPING_SHOWN = 6000, ACK_TIMEOUT = 8000;

  var rooms = {};               // id -> room entry (title, unread, last_seq, read_seq, kind, partner_id)
  config.rooms.forEach(function (r) { rooms[r.id] = r; });
  var list = app.querySelector("[data-messages]");
  var scroller = app.querySelector("[data-scroll]");
  var announcer = app.querySelector("[data-announcer]");
  var byId = {};                // message id -> {data, el}
  var firstSeq = null, lastSeq = 0, changedSince = null, more = false;
  var connected = false, following = {}, typers = {}, replyTo = null, pendingFiles = [], myStatus = "online";
  var baseTitle = document.title.replace(/^\(\d+\) /, "");
  var initial = null;         // the first page of the room, once loaded
  var ready = false;          // resynced and the outbox flushed since the last hello: new messages go straight out

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] == null ? "" : String(values[key]); });
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function csrf() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function api(path, options) {
    options = options || {};
    var init = { credentials: "same-origin", headers: { "X-CSRFToken": csrf() } };
    if (options.json !== undefined) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.json);
    } else if (options.form) {
      init.method = "POST";
      init.body = options.form;
    }
    return fetch(API + path, init).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw (data && data.error) || { code: "http_" + response.status, message: String(response.status) };
        return data;
      });
    });
  }
  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }
  function load(key, fallback) {
    try { var v = localStorage.getItem(STORE + key); return v == null ? fallback : JSON.parse(v); } catch (e) { return fallback; }
  }
  function save(key, value) { try { localStorage.setItem(STORE + key, JSON.stringify(value)); } catch (e) { /* private mode */ } }

  // --- The socket ----------------------------------------------------------------------------
  function send(frame) {
    frame.v = 1;
    if (window.TaimiLive && typeof TaimiLive.send === "function") {
      // Only when open: while offline the chat's own outbox keeps messages (with their client ids).
      return TaimiLive.state() === "open" && TaimiLive.send(frame) !== false;
    }
    var socket = window.taimiSocket;
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }
  // A server that drains (close code 4503, a restart or a deploy) hands the socket to another one within
  // about a second: for DRAIN_GRACE_MS after such a close the page says nothing (messages still wait in
  // the outbox); only a connection still missing after that is shown as offline.
  var DRAIN_GRACE_MS = 5000, drainingUntil = 0, bannerTimer = null;
  function setConnected(value) {
    connected = value;
    clearTimeout(bannerTimer);
    var wait = value ? 0 : drainingUntil - Date.now();
    if (wait > 0) { bannerTimer = setTimeout(function () { if (!connected) showConnected(false); }, wait); return; }
    showConnected(value);
  }
  function showConnected(value) {
    var box = app.querySelector("[data-connection]");
    if (box) box.textContent = value ? "" : T.offline;
    app.classList.toggle("chat--offline", !value);
  }

  // The banner follows the socket: any frame proves it open (also when it outlived a short offline
  // spell, when no new "hello" comes); its close event and the browser going offline hide the composer.
  document.addEventListener("taimi:frame", function (event) {
    var frame = event.detail || {};
    if (!connected && frame.type !== "hello") setConnected(true);
    onFrame(frame);
  });
  window.addEventListener("offline", function () { setConnected(false); });
  window.addEventListener("online", function () {
    if (window.TaimiLive && TaimiLive.state && TaimiLive.state() === "open") setConnected(true);
  });
  var closeHooked = false;

  function onFrame(frame) {
    switch (frame.type) {
      case "hello": onHello(frame); break;
      case "chat.message": onMessage(frame.message, true); break;
      case "chat.update": onMessage(frame.message, false); break;
      case "chat.ack": onAck(frame); break;
      case "chat.typing": onTyping(frame); break;
      case "chat.subscribed": (frame.rooms || []).forEach(function (id) { following[id] = true; }); break;
      case "chat.read": onRead(frame); break;
      case "chat.mention": onMention(frame.mention); break;
      case "chat.membership": if (frame.user === me.id) refreshRooms(); else if (frame.room === roomId) loadMembers(); break;
      case "chat.room": if (frame.room === roomId && frame.archived) location.reload(); break;
      case "presence": onPresence(frame.people || {}); break;
      case "presence.self": if (frame.status) myStatus = frame.status; break; // do-not-disturb: no pop-ups
      case "error": if (frame.ref && outbox()[frame.ref]) onSendError(frame.ref, frame); break;
    }
  }

  function onHello(frame) {
    if (!closeHooked && window.TaimiLive && TaimiLive.on) {
      closeHooked = true; // taimi-live.js runs after this script: hook its close event on the first hello
      TaimiLive.on("close", function (event) {
        if (event && event.code === 4503) drainingUntil = Date.now() + DRAIN_GRACE_MS;
        ready = false; following = {}; setConnected(false);
      });
    }
    ready = false;
    following = {};
    setConnected(true);
    if (frame.presence && frame.presence.status) myStatus = frame.presence.status;
    var ids = Object.keys(rooms).map(Number);
    for (var i = 0; i < ids.length; i += 100) send({ type: "chat.subscribe", rooms: ids.slice(i, i + 100) });
    var partners = ids.map(function (id) { return rooms[id].partner_id; }).filter(Boolean);
    if (partners.length) {
      send({ type: "subscribe", topics: partners.map(function (id) { return "presence.user." + id; }) });
      send({ type: "presence.query", users: partners });
    }
    refreshRooms();
    if (roomId) (initial || loadInitial()).then(resync).then(flushOutbox);
  }

  // --- Room list, badges, title ----------------------------------------------------------------
  function refreshRooms() {
    return api("huoneet/").then(function (data) {
      var known = {};
      data.rooms.forEach(function (r) {
        known[r.id] = true;
        var mine = rooms[r.id];
        if (!mine) { rooms[r.id] = r; send({ type: "chat.subscribe", rooms: [r.id] }); return; }
        // A snapshot taken before a live message arrived must not undo the count that message added.
        if ((r.last_seq || 0) < (mine.last_seq || 0)) return;
        mine.unread = r.unread; mine.read_seq = r.read_seq; mine.last_seq = r.last_seq;
      });
      Object.keys(rooms).forEach(function (id) { if (!known[id]) delete rooms[id]; });
      if (roomId && !known[roomId]) { location.href = "/chat/"; return; }
      renderBadges();
    }).catch(function () { /* offline: badges stay as they were */ });
  }
  function renderBadges() {
    var total = 0;
    Object.keys(rooms).forEach(function (id) {
      var r = rooms[id];
      total += r.unread || 0;
      var link = app.querySelector('[data-room="' + id + '"]');
      if (!link) return;
      var badge = link.querySelector("[data-unread]");
      badge.firstChild.nodeValue = String(r.unread || 0);
      badge.hidden = !r.unread;
    });
    var head = app.querySelector("[data-chat-total]");
    if (head) { head.firstChild.nodeValue = String(total); head.hidden = !total; }
    document.querySelectorAll("[data-chat-unread]").forEach(function (badge) {
      badge.firstChild.nodeValue = String(total); badge.hidden = !total;
    });
    document.title = (total ? "(" + total + ") " : "") + baseTitle;
  }

  // --- Messages --------------------------------------------------------------------------------
  function dayLabel(date) {
    var today = new Date(); today.setHours(0, 0, 0, 0);
    var day = new Date(date); day.setHours(0, 0, 0, 0);
    var diff = Math.round((today - day) / 86400000);
    if (diff === 0) return T.today;
    if (diff === 1) return T.yesterday;
    return date.toLocaleDateString(document.documentElement.lang || "fi", { weekday: "long" }) + " " + shortDate(date);
  }
  // One date format in every language, as the server writes it (intranet/formats): 6.12.2026.
  function shortDate(date) { return date.getDate() + "." + (date.getMonth() + 1) + "." + date.getFullYear(); }
  function renderParts(container, parts) {
    parts.forEach(function (part) {
      if (part[0] === "url" && /^https?:\/\//i.test(part[1])) {
        var link = el("a", null, part[2] || part[1]);
        link.href = part[1];
        link.rel = "noopener noreferrer nofollow";
        link.target = "_blank";
        container.appendChild(link);
      } else if (part[0] === "mention") {
        container.appendChild(el("strong", "mention" + (part[1].toLowerCase() === me.username.toLowerCase() ? " mention--me" : ""), "@" + part[1]));
      } else {
        var lines = String(part[1]).split("\n");
        lines.forEach(function (line, index) {
          if (index) container.appendChild(document.createElement("br"));
          container.appendChild(document.createTextNode(line));
        });
      }
    });
  }
  function humanSize(bytes) {
    return bytes > 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " kB";
  }
  function renderMessage(m) {
    var li = el("li", "chat-msg" + (m.author && m.author.id === me.id ? " chat-msg--mine" : "") + (m.deleted ? " chat-msg--deleted" : ""));
    li.id = "m" + m.seq;
    li.dataset.seq = m.seq;
    li.dataset.id = m.id;
    li.dataset.day = new Date(m.created).toDateString();
    var head = el("p", "chat-msg__head");
    head.appendChild(el("span", "chat-msg__author", m.author ? m.author.name : T.former_employee));
    var time = el("time", "chat-msg__time", new Date(m.created).toLocaleTimeString(document.documentElement.lang || "fi", { hour: "2-digit", minute: "2-digit" }));
    time.dateTime = m.created;
    head.appendChild(document.createTextNode(" "));
    head.appendChild(time);
    if (m.edited && !m.deleted) {
      var edited = el("button", "chat-msg__edited link-button", "(" + T.edited + ")");
      edited.type = "button";
      edited.title = T.history;
      edited.addEventListener("click", function () { showHistory(m, li); });
      head.appendChild(document.createTextNode(" "));
      head.appendChild(edited);
    }
    li.appendChild(head);
    if (m.reply_to) {
      var quote = el("blockquote", "chat-msg__quote");
      quote.appendChild(el("span", "chat-msg__quote-author", (m.reply_to.author ? m.reply_to.author.name : T.former_employee) + ": "));
      quote.appendChild(document.createTextNode(m.reply_to.deleted ? T.deleted : m.reply_to.excerpt));
      var jump = el("a", "visually-hidden-focusable", "↑");
      jump.href = "#m" + m.reply_to.seq;
      quote.appendChild(jump);
      li.appendChild(quote);
    }
    var body = el("div", "chat-msg__body");
    if (m.deleted) body.textContent = T.deleted; else renderParts(body, m.parts);
    li.appendChild(body);
    (m.attachments || []).forEach(function (a) {
      var link = el("a", "chat-msg__file");
      link.href = a.url;
      if (a.kind === "image") {
        var img = el("img");
        img.src = a.thumb;
        img.alt = fmt(T.attachment, { name: a.name });
        img.loading = "lazy";
        if (a.width && a.height) { var scale = Math.min(1, 400 / Math.max(a.width, a.height)); img.width = Math.round(a.width * scale); img.height = Math.round(a.height * scale); }
        link.appendChild(img);
      } else {
        link.textContent = "📄 " + a.name + " (" + humanSize(a.size) + ")";
        link.setAttribute("download", a.name);
      }
      li.appendChild(link);
    });
    if (!m.deleted) {
      var reactions = el("div", "chat-msg__reactions");
      (m.reactions || []).forEach(function (r) {
        var mine = r.users.indexOf(me.id) >= 0;
        var button = el("button", "reaction", r.emoji + " " + r.users.length);
        button.type = "button";
        button.setAttribute("aria-pressed", String(mine));
        button.setAttribute("aria-label", fmt(T.reaction_label, { emoji: r.emoji, count: r.users.length }));
        button.addEventListener("click", function () { react(m, r.emoji, !mine); });
        reactions.appendChild(button);
      });
      li.appendChild(reactions);
      li.appendChild(actionsMenu(m, li));
    }
    if (m._pending) li.appendChild(el("p", "chat-msg__state", m._pending));
    return li;
  }
  function actionsMenu(m, li) {
    var box = el("details", "chat-msg__menu");
    var summary = el("summary", null);
    summary.appendChild(el("span", null, "⋯"));
    summary.setAttribute("aria-label", T.actions);
    summary.title = T.actions;
    box.appendChild(summary);
    var menu = el("div", "chat-msg__menu-items");
    function item(label, fn) {
      var button = el("button", null, label);
      button.type = "button";
      button.addEventListener("click", function () { box.open = false; fn(); });
      menu.appendChild(button);
    }
    if (m.id) {
      item(T.reply, function () { startReply(m); });
      ["👍", "❤️", "😄", "🎉", "🙏", "👀"].forEach(function (emoji) {
        var button = el("button", "reaction-choice", emoji);
        button.type = "button";
        button.setAttribute("aria-label", T.react + " " + emoji);
        button.addEventListener("click", function () { box.open = false; react(m, emoji, true); });
        menu.appendChild(button);
      });
      if (m.author && m.author.id === me.id) item(T.edit, function () { startEdit(m, li); });
      if ((m.author && m.author.id === me.id) || (rooms[roomId] && rooms[roomId].role === "owner")) {
        item(T.delete, function () { if (window.confirm(T.confirm_delete)) send({ type: "chat.delete", message: m.id, ref: "d" + m.id }) || api("viestit/" + m.id + "/delete/", { json: {} }); });
      }
      item(T.mark_unread, function () { markUnread(m.seq); });
      if (m.edited) item(T.history, function () { showHistory(m, li); });
    }
    box.appendChild(menu);
    box.addEventListener("keydown", function (event) { if (event.key === "Escape") { box.open = false; summary.focus(); } });
    return box;
  }

  function place(m) {
    var entry = byId[m.id];
    var node = renderMessage(m);
    if (entry) { entry.el.replaceWith(node); entry.el = node; entry.data = m; return false; }
    byId[m.id] = { data: m, el: node };
    var after = null;
    var items = list.querySelectorAll("li.chat-msg");
    for (var i = items.length - 1; i >= 0; i--) {
      if (Number(items[i].dataset.seq) < m.seq) { after = items[i]; break; }
    }
    if (after) after.after(node); else list.prepend(node);
    return true;
  }
  function refreshDividers() {
    list.querySelectorAll("li.divider").forEach(function (d) { d.remove(); });
    var previous = null, readSeq = rooms[roomId] ? rooms[roomId].initial_read : 0, unreadShown = false;
    list.querySelectorAll("li.chat-msg").forEach(function (item) {
      if (item.dataset.day !== previous) {
        var divider = el("li", "divider divider--day");
        divider.appendChild(el("span", null, dayLabel(new Date(item.dataset.day))));
        item.before(divider);
        previous = item.dataset.day;
      }
      if (!unreadShown && readSeq != null && Number(item.dataset.seq) > readSeq && !item.classList.contains("chat-msg--mine")) {
        var fresh = el("li", "divider divider--new");
        fresh.appendChild(el("span", null, T.new_messages));
        item.before(fresh);
        unreadShown = true;
      }
    });
  }
  function nearBottom() { return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80; }
  function toBottom() { scroller.scrollTop = scroller.scrollHeight; }

  function accept(messages, live) {
    var stick = nearBottom(), added = false;
    messages.forEach(function (m) {
      if (m.room !== roomId) return;
      if (m.client_id) dropPendingElement(m.client_id);
      if (place(m)) added = true;
      if (firstSeq === null || m.seq < firstSeq) firstSeq = m.seq;
      if (m.seq > lastSeq) lastSeq = m.seq;
      if (!changedSince || m.updated > changedSince) changedSince = m.updated;
      if (live && m.author && m.author.id !== me.id) announce(fmt(T.new_from, { name: m.author.name, text: m.body.slice(0, 200) }));
    });
    save("seq." + roomId, lastSeq);
    if (added) refreshDividers();
    if (stick || !live) toBottom();
    markReadSoon();
  }
  function announce(text) {
    // Only new messages from others are announced; history is never read out.
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function onMessage(m, isNew) {
    if (!m) return;
    var r = rooms[m.room];
    if (r && isNew && m.seq > (r.last_seq || 0)) {
      r.last_seq = m.seq;
      var visible = m.room === roomId && document.visibilityState === "visible";
      if (m.author && m.author.id === me.id) { r.read_seq = m.seq; r.unread = 0; }
      else if (!visible) r.unread = (r.unread || 0) + 1;
      renderBadges();
    }
    if (m.room !== roomId) return;
    if (isNew && m.author && typers[m.author.id]) { // their message is here: they are no longer typing
      window.clearTimeout(typers[m.author.id].timer);
      delete typers[m.author.id];
      showTypers();
    }
    if (isNew && m.seq > lastSeq + 1 && lastSeq > 0) { resync(); return; } // a gap: fetch what is missing
    accept([m], isNew);
  }

  function loadInitial() {
    var want = Number(new URLSearchParams(location.search).get("seq")) || null;
    rooms[roomId].initial_read = rooms[roomId].read_seq;
    return api("huoneet/" + roomId + "/viestit/").then(function (data) {
      more = data.more_before;
      accept(data.messages, false);
      showOlderButton();
      if (want) return jumpTo(want, 20);
      var divider = list.querySelector(".divider--new");
      if (divider) divider.scrollIntoView({ block: "center" });
    });
  }
  function jumpTo(seq, tries) {
    var target = document.getElementById("m" + seq);
    if (target) { target.scrollIntoView({ block: "center" }); target.classList.add("chat-msg--target"); target.tabIndex = -1; target.focus(); return; }
    if (!more || tries <= 0) return;
    return loadOlder().then(function () { return jumpTo(seq, tries - 1); });
  }
  function loadOlder() {
    if (firstSeq === null) return Promise.resolve();
    var height = scroller.scrollHeight, top = scroller.scrollTop;
    return api("huoneet/" + roomId + "/viestit/?before=" + firstSeq).then(function (data) {
      more = data.more_before;
      data.messages.forEach(function (m) { place(m); if (m.seq < firstSeq) firstSeq = m.seq; });
      refreshDividers();
      scroller.scrollTop = top + (scroller.scrollHeight - height);
      showOlderButton();
    });
  }
  function showOlderButton() { var b = app.querySelector("[data-load-older]"); if (b) b.hidden = !more; }

  function resync() {
    // Everything after the last sequence number seen, plus changes (edits, deletes, reactions) since the last one.
    if (!roomId) return Promise.resolve();
    if (firstSeq === null) return initial || loadInitial();
    var query = "?after=" + lastSeq + (changedSince ? "&changed_since=" + encodeURIComponent(changedSince) : "");
    return api("huoneet/" + roomId + "/viestit/" + query).then(function (data) {
      accept(data.messages, false);
      if (data.more_after) return resync();
    }).catch(function () { /* offline: the next hello retries */ });
  }

  // --- Read markers ----------------------------------------------------------------------------
  // A message counts as read once it has been on screen (page visible, list scrolled to the bottom): seenSeq.
  // The marker goes to the server after a short pause (scrolling sends one frame, not dozens), and at once
  // when the user leaves the room: before a room link opens the next page (so that page's unread counts,
  // rendered by the server, already include it) and, for any other way out, with a keepalive request.
  var readTimer = null, seenSeq = 0;
  function markReadSoon() {
    var r = rooms[roomId];
    if (r && document.visibilityState === "visible" && nearBottom() && lastSeq > seenSeq) seenSeq = lastSeq;
    window.clearTimeout(readTimer);
    readTimer = window.setTimeout(function () { flushRead(false); }, 800);
  }
  function flushRead(leaving) {
    window.clearTimeout(readTimer);
    var r = rooms[roomId], seq = seenSeq;
    if (!r || seq <= (r.read_seq || 0)) return Promise.resolve();
    r.read_seq = seq; r.unread = 0;
    renderBadges();
    if (!leaving && send({ type: "chat.read", room: roomId, seq: seq })) return Promise.resolve();
    var init = { method: "POST", credentials: "same-origin", keepalive: true, body: JSON.stringify({ seq: seq }),
                 headers: { "X-CSRFToken": csrf(), "Content-Type": "application/json" } };
    return fetch(API + "huoneet/" + roomId + "/read/", init).catch(function () {});
  }
  function leaveByLink(event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var r = rooms[roomId];
    if (!r || seenSeq <= (r.read_seq || 0) || link.origin !== location.origin) return;
    event.preventDefault();
    var go = function () { location.href = link.href; };
    Promise.race([flushRead(true), new Promise(function (done) { window.setTimeout(done, 1500); })]).then(go, go);
  }
  function markUnread(seq) {
    api("huoneet/" + roomId + "/unread/", { json: { seq: seq } }).then(function (data) {
      var r = rooms[roomId];
      r.read_seq = data.read_seq;
      r.initial_read = data.read_seq;
      seenSeq = Math.min(seenSeq, data.read_seq); // unread on purpose: leaving the room must not read it again
      refreshRooms();
      refreshDividers();
    });
  }
  function onRead(frame) {
    if (frame.user !== me.id) return;
    var r = rooms[frame.room];
    if (!r) return;
    r.read_seq = frame.seq;
    refreshRooms();
  }

  // --- Typing ----------------------------------------------------------------------------------
  function onTyping(frame) {
    if (frame.room !== roomId || !frame.user || frame.user.id === me.id) return;
    window.clearTimeout((typers[frame.user.id] || {}).timer);
    typers[frame.user.id] = { name: frame.user.name, timer: window.setTimeout(function () { delete typers[frame.user.id]; showTypers(); }, TYPING_SHOWN) };
    showTypers();
  }
  function showTypers() {
    var names = Object.keys(typers).map(function (id) { return typers[id].name; });
    var box = app.querySelector("[data-typing]");
    if (box) box.textContent = names.length === 0 ? "" : names.length === 1 ? fmt(T.typing_one, { name: names[0] }) : T.typing_many;
  }

  // --- Mentions, notifications, presence -------------------------------------------------------
  function onMention(mention) {
    if (!mention) return;
    var busy = myStatus === "dnd" || document.documentElement.dataset.presence === "dnd";
    if (busy || !("Notification" in window) || Notification.permission !== "granted") return;
    if (document.visibilityState === "visible" && mention.room === roomId) return;
    var lang = (document.documentElement.lang || "fi").slice(0, 2);
    var note = new Notification(lang === "sv" && mention.title_sv ? mention.title_sv : mention.title, { body: mention.excerpt, tag: "chat-" + mention.room + "-" + mention.seq });
    note.onclick = function () { window.focus(); location.href = mention.url; };
  }
  var notifyButton = app.querySelector("[data-enable-notifications]");
  if (notifyButton && "Notification" in window && Notification.permission === "default") {
    notifyButton.hidden = false;
    notifyButton.addEventListener("click", function () { Notification.requestPermission().then(function () { notifyButton.hidden = true; }); });
  }
  function onPresence(people) {
    Object.keys(people).forEach(function (id) {
      var status = (people[id] && people[id].status) || "offline";
      if (Number(id) === me.id) myStatus = status;
      app.querySelectorAll('[data-presence-user="' + id + '"]').forEach(function (dot) {
        dot.dataset.status = status;
        var label = dot.querySelector("[data-presence-label]");
        if (label) label.textContent = T["status_" + status] || status;
      });
    });
  }

  // --- Sending, the offline queue --------------------------------------------------------------
  function outbox() { return load("outbox", {}); }
  function setOutbox(box) { save("outbox", box); }
  function queueMessage(item) { var box = outbox(); box[item.client_id] = item; setOutbox(box); }
  function dequeue(clientId) { var box = outbox(); delete box[clientId]; setOutbox(box); }

  function showPending(item, state) {
    if (item.room !== roomId) return;
    var m = { id: null, room: item.room, seq: Number.MAX_SAFE_INTEGER, client_id: item.client_id, author: me,
              created: item.created, updated: item.created, edited: null, deleted: false, body: item.body,
              parts: [["text", item.body]], reactions: [], attachments: [], reply_to: null, _pending: state };
    dropPendingElement(item.client_id);
    var node = renderMessage(m);
    node.classList.add("chat-msg--pending");
    node.dataset.clientId = item.client_id;
    list.appendChild(node);
    toBottom();
  }
  function dropPendingElement(clientId) {
    var node = list.querySelector('[data-client-id="' + CSS.escape(clientId) + '"]');
    if (node) node.remove();
  }
  function transmit(item, flushing) {
    var sent = (ready || flushing) && send({ type: "chat.send", ref: item.client_id, room: item.room, body: item.body, client_id: item.client_id,
                      reply_to: item.reply_to, attachments: item.attachments });
    showPending(item, sent ? T.sending : T.queued);
    if (sent) window.setTimeout(function () { if (outbox()[item.client_id]) showPending(item, T.queued); }, ACK_TIMEOUT);
  }
  function flushOutbox() {
    var box = outbox();
    Object.keys(box).sort(function (a, b) { return box[a].created < box[b].created ? -1 : 1; }).forEach(function (id) {
      if (rooms[box[id].room]) transmit(box[id], true); else dequeue(id);
    });
    ready = connected;
  }
  function onAck(frame) {
    dequeue(frame.client_id || frame.ref);
    var r = rooms[frame.room];
    if (r && frame.seq > (r.read_seq || 0)) { r.read_seq = frame.seq; r.unread = 0; renderBadges(); }
    if (frame.room === roomId && !byId[frame.id]) resync();
  }
  function onSendError(clientId, error) {
    var item = outbox()[clientId];
    if (error.code === "rate_limited") { window.setTimeout(function () { transmit(item); }, 5000); return showPending(item, error.message); }
    // A passing outage (database or Redis): the message stays in the outbox and is sent again, same client id.
    if (error.code === "unavailable") { window.setTimeout(function () { transmit(item); }, 2000); return showPending(item, error.message); }
    dequeue(clientId);
    dropPendingElement(clientId);
    composerError(error.message);
    if (item && text && !text.value) text.value = item.body;
  }

  var composer = app.querySelector("[data-composer]");
  var text = composer && composer.querySelector("[data-text]");
  function composerError(message) { var box = composer && composer.querySelector("[data-composer-error]"); if (box) box.textContent = message || ""; }

  if (composer) {
    composer.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = text.value.trim();
      var files = pendingFiles.filter(function (f) { return f.id; }).map(function (f) { return f.id; });
      if (!body && !files.length) return;
      composerError("");
      var item = { room: roomId, body: body, client_id: newClientId(), reply_to: replyTo ? replyTo.id : null,
                   attachments: files, created: new Date().toISOString() };
      queueMessage(item);
      transmit(item);
      text.value = "";
      pendingFiles = []; renderFiles();
      cancelReply();
      text.focus();
    });
    var lastTyping = 0;
    text.addEventListener("keydown", function (event) {
      if (mentionKeys(event)) return;
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); composer.requestSubmit(); }
      else if (event.key === "Escape" && replyTo) cancelReply();
    });
    text.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastTyping > TYPING_EVERY && text.value.trim()) { lastTyping = now; send({ type: "chat.typing", room: roomId }); }
      mentionLookup();
    });
    composer.querySelector("[data-reply-cancel]").addEventListener("click", cancelReply);
    composer.querySelector("[data-file]").addEventListener("change", function (event) { uploadFiles(event.target.files); event.target.value = ""; });
  }

  function startReply(m) {
    replyTo = m;
    var box = composer.querySelector("[data-reply]");
    box.querySelector("[data-reply-text]").textContent = fmt(T.replying_to, { name: m.author ? m.author.name : T.former_employee, text: m.body.slice(0, 80) });
    box.hidden = false;
    text.focus();
  }
  function cancelReply() { replyTo = null; if (composer) composer.querySelector("[data-reply]").hidden = true; }

  function startEdit(m, li) {
    var form = el("form", "chat-msg__edit");
    var label = el("label", "visually-hidden", T.edit);
    var area = el("textarea");
    area.id = "edit-" + m.id; label.htmlFor = area.id;
    area.value = m.body; area.rows = 3; area.maxLength = 4000;
    var saveButton = el("button", null, T.save); saveButton.type = "submit";
    var cancel = el("button", null, T.cancel); cancel.type = "button";
    form.append(label, area, saveButton, cancel);
    var body = li.querySelector(".chat-msg__body");
    body.replaceWith(form);
    area.focus();
    function close() { form.replaceWith(body); }
    cancel.addEventListener("click", close);
    area.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      api("viestit/" + m.id + "/edit/", { json: { body: area.value } }).then(function (data) { accept([data.message], false); })
        .catch(function (error) { composerError(error.message); close(); });
    });
  }
  function react(m, emoji, add) {
    if (!send({ type: "chat.react", message: m.id, emoji: emoji, add: add })) {
      api("viestit/" + m.id + "/" + (add ? "react" : "unreact") + "/", { json: { emoji: emoji } }).then(function (d) { accept([d.message], false); });
    }
  }
  function showHistory(m, li) {
    api("viestit/" + m.id + "/historia/").then(function (data) {
      var old = li.querySelector(".chat-msg__history");
      if (old) { old.remove(); return; }
      var box = el("ol", "chat-msg__history");
      box.setAttribute("aria-label", T.history);
      data.edits.forEach(function (e) {
        var item = el("li");
        var edited = new Date(e.edited);
        var time = el("time", null, shortDate(edited) + " " + edited.toLocaleTimeString(document.documentElement.lang || "fi", { hour: "2-digit", minute: "2-digit" }));
        time.dateTime = e.edited;
        item.append(time, document.createTextNode(": " + e.body));
        box.appendChild(item);
      });
      li.appendChild(box);
    });
  }

  // Attachments: uploaded at once (validated by the server), sent with the next message.
  function uploadFiles(files) {
    Array.prototype.forEach.call(files, function (file) {
      var entry = { name: file.name, id: null };
      pendingFiles.push(entry);
      renderFiles(fmt(T.uploading, { name: file.name }));
      var form = new FormData();
      form.append("file", file);
      api("huoneet/" + roomId + "/liitteet/", { form: form }).then(function (data) {
        entry.id = data.attachment.id;
        renderFiles();
      }).catch(function (error) {
        pendingFiles.splice(pendingFiles.indexOf(entry), 1);
        renderFiles();
        composerError(file.name + ": " + error.message);
      });
    });
  }
  function renderFiles(status) {
    var box = composer.querySelector("[data-files]");
    box.textContent = "";
    pendingFiles.forEach(function (entry) {
      var item = el("li", null, (entry.id ? "📎 " : "⏳ ") + entry.name + " ");
      var remove = el("button", "link-button", T.remove);
      remove.type = "button";
      remove.setAttribute("aria-label", T.remove + " " + entry.name);
      remove.addEventListener("click", function () { pendingFiles.splice(pendingFiles.indexOf(entry), 1); renderFiles(); });
      item.appendChild(remove);
      box.appendChild(item);
    });
    if (status) box.appendChild(el("li", "visually-hidden", status));
  }

  // Mention autocomplete: an ARIA listbox under the composer, arrow keys and Enter/Tab.
  var mentionBox = composer && composer.querySelector("[data-mentions]");
  var mentionItems = [], mentionIndex = -1, mentionTimer = null;
  function mentionQuery() {
    var before = text.value.slice(0, text.selectionStart);
    var match = before.match(/(?:^|[\s(])@([\w.-]{0,30})$/);
    return match ? match[1] : null;
  }
  function mentionLookup() {
    var query = mentionQuery();
    window.clearTimeout(mentionTimer);
    if (query === null) return closeMentions();
    mentionTimer = window.setTimeout(function () {
      api("huoneet/" + roomId + "/jasenet/?q=" + encodeURIComponent(query)).then(function (data) {
        mentionItems = data.members.filter(function (p) { return p.id !== me.id; });
        mentionIndex = mentionItems.length ? 0 : -1;
        renderMentions();
      });
    }, 120);
  }
  function renderMentions() {
    mentionBox.textContent = "";
    mentionItems.forEach(function (p, index) {
      var option = el("li", null, p.name + " (@" + p.username + ")");
      option.id = "mention-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", String(index === mentionIndex));
      option.addEventListener("mousedown", function (event) { event.preventDefault(); chooseMention(index); });
      mentionBox.appendChild(option);
    });
    mentionBox.hidden = !mentionItems.length;
    if (mentionIndex >= 0) text.setAttribute("aria-activedescendant", "mention-" + mentionIndex); else text.removeAttribute("aria-activedescendant");
  }
  function closeMentions() { mentionItems = []; mentionIndex = -1; if (mentionBox) renderMentions(); }
  function chooseMention(index) {
    var p = mentionItems[index];
    var caret = text.selectionStart;
    var before = text.value.slice(0, caret).replace(/@([\w.-]*)$/, "@" + p.username + " ");
    text.value = before + text.value.slice(caret);
    text.selectionStart = text.selectionEnd = before.length;
    closeMentions();
    text.focus();
  }
  function mentionKeys(event) {
    if (!mentionItems.length) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      mentionIndex = (mentionIndex + (event.key === "ArrowDown" ? 1 : mentionItems.length - 1)) % mentionItems.length;
      renderMentions();
    } else if (event.key === "Enter" || event.key === "Tab") {
      chooseMention(mentionIndex);
    } else if (event.key === "Escape") {
      closeMentions();
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  // Members (the room menu), for owners also with "remove".
  function loadMembers() {
    var box = app.querySelector("[data-members]");
    if (!box) return;
    api("huoneet/" + roomId + "/jasenet/").then(function (data) {
      box.textContent = "";
      data.members.forEach(function (p) {
        var item = el("li");
        var link = el("a", null, p.name);
        link.href = "/ihmiset/" + encodeURIComponent(p.username) + "/";
        item.appendChild(link);
        box.appendChild(item);
      });
    });
  }

  // --- Start -----------------------------------------------------------------------------------
  renderBadges();
  if (roomId) {
    lastSeq = 0;
    var older = app.querySelector("[data-load-older]");
    if (older) older.addEventListener("click", function () { loadOlder(); });
    initial = loadInitial();
    loadMembers();
    scroller.addEventListener("scroll", markReadSoon);
    document.addEventListener("visibilitychange", markReadSoon);
    window.addEventListener("focus", markReadSoon);
    document.addEventListener("click", leaveByLink);
    window.addEventListener("pagehide", function () { flushRead(true); });
  }
  // A socket that opened before this script ran has sent its hello already: subscribe now.
  if (window.taimiSocket && window.taimiSocket.readyState === 1) onHello({});
  else flushLater();
  function flushLater() { if (roomId) initial.then(function () { if (connected) flushOutbox(); }); }
  window.TaimiChat = { resync: resync, outbox: outbox, state: function () { return { room: roomId, lastSeq: lastSeq, connected: connected, following: !!following[roomId] }; } };
})();
