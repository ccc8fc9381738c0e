// Plain chat page: talks to the web app's /api/message (which passes to Rasa's REST channel).
// Conversation state lives only in sessionStorage: gone when the tab closes.
(function () {
  "use strict";
  const STORE = "wtgh-chat";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const statusLine = document.getElementById("status");

  function load() {
    try { return JSON.parse(sessionStorage.getItem(STORE)) || { sender: null, items: [] }; }
    catch (e) { return { sender: null, items: [] }; }
  }
  let state = load();
  function save() { sessionStorage.setItem(STORE, JSON.stringify(state)); }

  // Turn plain text into nodes: web addresses and phone numbers become links. No innerHTML.
  // Whole UK numbers only: 10 or 11 digits starting with 0 (any spacing), or the short
  // helplines. A link to part of a number would be worse than no link.
  const LINK = /(https?:\/\/[^\s)]+)|(\b0\d(?: ?\d){8,9}\b|\b0800 ?1111\b|\b116 ?123\b|\b999\b|\b111\b|\b85258\b)/g;
  function addText(parent, text) {
    let last = 0;
    text.replace(LINK, function (match, url, phone, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      const a = document.createElement("a");
      if (url) { a.href = url; a.rel = "noopener noreferrer"; a.target = "_blank"; }
      else if (phone === "85258") { a.href = "sms:85258"; }
      else { a.href = "tel:" + phone.replace(/\s/g, ""); }
      a.textContent = match;
      parent.appendChild(a);
      last = offset + match.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function render(item) {
    const div = document.createElement("div");
    div.className = "msg " + item.from;
    if (item.from === "bot") {
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = "Bot said: ";
      div.appendChild(hidden);
    }
    addText(div, item.text || "");
    log.appendChild(div);
    if (item.buttons && item.buttons.length) {
      const group = document.createElement("div");
      group.className = "choices";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Choices");
      item.buttons.forEach(function (b) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", function () { send(b.payload, b.title); });
        group.appendChild(button);
      });
      log.appendChild(group);
    }
  }

  function add(item) { state.items.push(item); save(); render(item); window.scrollTo(0, document.body.scrollHeight); }

  async function send(payload, shown, silent) {
    if (!silent) { add({ from: "user", text: shown || payload }); }
    statusLine.textContent = "The bot is typing...";
    try {
      const response = await fetch("/api/message", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: state.sender, message: payload })
      });
      const data = await response.json();
      if (data.sender) { state.sender = data.sender; save(); }
      if (data.error) { add({ from: "bot", text: data.error }); }
      (data.messages || []).forEach(function (m) { add({ from: "bot", text: m.text, buttons: m.buttons }); });
      statusLine.textContent = "";
    } catch (e) {
      statusLine.textContent = "Can't connect. Check your internet and try again. If you need help now, press 'Get help now'.";
    }
    input.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
  });

  document.getElementById("help-now").addEventListener("click", function () {
    const panel = document.getElementById("help-panel");
    panel.hidden = !panel.hidden;
    this.setAttribute("aria-expanded", String(!panel.hidden));
  });

  function quickExit() {
    sessionStorage.clear();
    window.location.replace("https://www.bbc.co.uk/weather");
  }
  document.getElementById("quick-exit").addEventListener("click", quickExit);
  // Like GOV.UK's "Exit this page": press Shift three times quickly to leave.
  let shiftPresses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { return; }
    const now = Date.now();
    shiftPresses = shiftPresses.filter(function (t) { return now - t < 1000; });
    shiftPresses.push(now);
    if (shiftPresses.length >= 3) { quickExit(); }
  });

  document.getElementById("clear").addEventListener("click", function () {
    sessionStorage.removeItem(STORE);
    state = { sender: null, items: [] };
    log.textContent = "";
    send("hi", null, true);
  });

  state.items.forEach(render);
  if (!state.items.length) { send("hi", null, true); }
})();
