// "My data": follows an export being prepared and shows its download link when ready (privacy.views).
(function () {
  "use strict";
  var items = document.querySelectorAll("[data-export-status][data-pending]");
  var list = document.querySelector("[data-download-label]");
  function poll(item) {
    var state = item.querySelector(".data-export__state");
    fetch(item.getAttribute("data-export-status"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        state.textContent = data.label + (data.status === "running" ? " (" + data.progress + " %)" : "");
        if (data.url && !item.querySelector(".data-export__link")) {
          var link = document.createElement("a");
          link.className = "data-export__link";
          link.href = data.url;
          link.textContent = list.getAttribute("data-download-label");
          item.appendChild(document.createTextNode(" "));
          item.appendChild(link);
        }
        if (data.password && !item.querySelector(".data-export__password")) {
          var note = document.createElement("p");
          var code = document.createElement("code");
          note.className = "data-export__password";
          note.textContent = (list.getAttribute("data-password-label") || "") + " ";
          code.textContent = data.password;
          note.appendChild(code);
          item.appendChild(note);
        }
        if (data.status === "queued" || data.status === "running") {
          window.setTimeout(function () { poll(item); }, 2000);
        }
      })
      .catch(function () { /* the Refresh link still works */ });
  }
  Array.prototype.forEach.call(items, poll);
})();
