/* The chat unread count in the main navigation, on every page but the chat itself (docs/chat.md).
 * Asks for the count after each (re)connect, follows the user's rooms and counts new messages from
 * others; a read marker moved in another tab asks again. Text only, no dependencies. */
(function () {
  "use strict";
  if (document.querySelector("[data-chat-app]")) return; // chat.js keeps the badges there
  var badges = document.querySelectorAll("[data-chat-unread]");
  if (!badges.length) return;
  var total = 0, me = null, title = document.title.replace(/^\(\d+\) /, "");
  function show() {
    badges.forEach(function (badge) { badge.firstChild.nodeValue = String(total); badge.hidden = !total; });
    document.title = (total ? "(" + total + ") " : "") + title;
  }
  function send(frame) {
    frame.v = 1;
    if (window.TaimiLive && typeof TaimiLive.send === "function") return TaimiLive.send(frame);
    var socket = window.taimiSocket;
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(frame));
  }
  document.addEventListener("taimi:frame", function (event) {
    var frame = event.detail || {};
    if (frame.type === "hello") { me = frame.user_id; send({ type: "chat.summary", ref: "chat-badge" }); }
    else if (frame.type === "chat.summary") {
      total = frame.unread_total;
      show();
      for (var i = 0; i < frame.rooms.length; i += 100) send({ type: "chat.subscribe", rooms: frame.rooms.slice(i, i + 100) });
    } else if (frame.type === "chat.message" && frame.message.author && frame.message.author.id !== me) { total += 1; show(); }
    else if ((frame.type === "chat.read" && frame.user === me) || (frame.type === "chat.membership" && frame.user === me)) {
      send({ type: "chat.summary", ref: "chat-badge" });
    }
  });
})();
