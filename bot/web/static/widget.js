// "Where to get help" chat widget: one script tag, no dependencies, no cookies.
//
//   <script src="https://BOT-ORIGIN/static/widget.js" defer></script>
//   <where-to-get-help></where-to-get-help>            (a button that opens the chat)
//   <where-to-get-help mode="page"></where-to-get-help> (the chat fills the page)
//
// The chat talks to /api/message on the origin this script came from. The conversation
// lives only in sessionStorage (gone when the tab closes). Messages typed while the
// connection is down wait in a queue, shown as "not sent yet", and go when it is back.
(function () {
  "use strict";
  if (window.customElements.get("where-to-get-help")) { return; }

  const SCRIPT = document.currentScript;
  const ORIGIN = SCRIPT ? new URL(SCRIPT.src, window.location.href).origin : window.location.origin;
  const STORE = "wtgh-chat";
  const CONTRAST = "wtgh-contrast";
  const EXIT_URL = "https://www.bbc.co.uk/weather";
  const RETRY_SECONDS = [2, 4, 8, 15, 30];

  // Whole UK numbers only: 10 or 11 digits starting with 0 (any spacing), or the short
  // helplines. A link to part of a number would be worse than no link.
  const LINK = /(https?:\/\/[^\s)]+)|(\b0\d(?: ?\d){8,9}\b|\b0800 ?1111\b|\b116 ?123\b|\b999\b|\b111\b|\b85258\b)/g;

  const TEMPLATE = `
    <link rel="stylesheet" href="${ORIGIN}/static/nhsuk-widget.css">
    <link rel="stylesheet" href="${ORIGIN}/static/widget.css">
    <div class="wtgh" data-root>
      <button type="button" class="wtgh-launcher nhsuk-button" data-launcher aria-expanded="false" aria-controls="wtgh-panel">
        Chat: where to get help
      </button>
      <section id="wtgh-panel" class="wtgh-panel" aria-labelledby="wtgh-title" data-panel>
        <header class="wtgh-top">
          <p id="wtgh-title" class="wtgh-title" data-title>Where to get help</p>
          <div class="wtgh-actions">
            <button type="button" class="wtgh-help-now" data-help-now aria-expanded="false" aria-controls="wtgh-help">Get help now</button>
            <button type="button" class="wtgh-exit" data-exit aria-describedby="wtgh-exit-hint">Leave this site</button>
            <span id="wtgh-exit-hint" class="nhsuk-u-visually-hidden">Or press Shift 3 times.</span>
            <button type="button" class="wtgh-close" data-close aria-label="Close chat">Close</button>
          </div>
        </header>
        <section id="wtgh-help" class="wtgh-help" data-help hidden aria-label="Urgent help">
          <h2 class="wtgh-help-title">Urgent help</h2>
          <ul>
            <li>In danger now: call <a href="tel:999">999</a> or go to A&amp;E.</li>
            <li>Urgent help: call <a href="tel:111">111</a> and choose the mental health option.</li>
            <li>Under 19: call Childline on <a href="tel:08001111">0800 1111</a>, any time.</li>
            <li>Text SHOUT to <a href="sms:85258&amp;body=SHOUT">85258</a>, any time.</li>
            <li>Samaritans: call <a href="tel:116123">116 123</a>, any time.</li>
          </ul>
        </section>
        <div class="wtgh-body">
          <p class="wtgh-intro" data-intro>I'm a chatbot. I help you find support near you. I'm not a counsellor and I can't give medical advice.</p>
          <div class="wtgh-log" data-log role="log" aria-live="polite" aria-relevant="additions" aria-label="Conversation" tabindex="0"></div>
          <p class="wtgh-status" data-status role="status"></p>
          <form class="wtgh-composer" data-composer autocomplete="off">
            <label class="nhsuk-label nhsuk-u-visually-hidden" for="wtgh-message">Your message</label>
            <input class="nhsuk-input" id="wtgh-message" data-input name="message" type="text" maxlength="1000" placeholder="Type a message" enterkeyhint="send">
            <button type="submit" class="nhsuk-button wtgh-send">Send</button>
          </form>
          <div class="wtgh-tools">
            <button type="button" class="wtgh-link" data-clear>Clear this chat</button>
            <button type="button" class="wtgh-link" data-contrast aria-pressed="false">High contrast</button>
          </div>
        </div>
      </section>
    </div>`;

  function newId() {
    const bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function emptyState() { return { sender: newId(), items: [], queue: [], outage: false }; }

  function loadState() {
    try {
      const saved = JSON.parse(window.sessionStorage.getItem(STORE));
      if (saved && Array.isArray(saved.items) && Array.isArray(saved.queue)) { return saved; }
    } catch (e) { /* storage blocked or corrupt: start afresh */ }
    return emptyState();
  }

  function store(key, value) {
    try { window.sessionStorage.setItem(key, value); } catch (e) { /* private mode: chat still works */ }
  }

  // Text to nodes: web addresses and phone numbers become links. Never innerHTML.
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

  class WhereToGetHelp extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) { return; }
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = TEMPLATE; // fixed markup only; every message goes in as text
      this.pageMode = this.getAttribute("mode") === "page";
      this.el = {};
      ["root", "launcher", "panel", "title", "help-now", "exit", "close", "help", "log", "status", "composer",
        "input", "clear", "contrast"].forEach((name) => { this.el[name] = root.querySelector("[data-" + name + "]"); });
      this.state = loadState();
      this.sending = false;
      this.retryTimer = null;
      this.failures = 0;
      this.setUpLayout();
      this.bindControls();
      this.setContrast(window.sessionStorage.getItem(CONTRAST) === "on");
      this.state.items.forEach((item) => this.render(item));
      this.enableOnlyLatestChoices();
      if (!this.state.items.length && !this.state.queue.length) { this.enqueue("hi", null); }
      this.showQueueState();
      this.pump();
    }

    setUpLayout() {
      const { launcher, panel, title, close, root } = this.el;
      if (this.pageMode) {
        root.classList.add("wtgh-page");
        launcher.remove();
        close.remove();
        const heading = document.createElement("h1");
        heading.id = title.id;
        heading.className = title.className;
        heading.textContent = title.textContent;
        title.replaceWith(heading);
      } else {
        panel.hidden = window.sessionStorage.getItem(STORE + "-open") !== "yes";
        launcher.setAttribute("aria-expanded", String(!panel.hidden));
        launcher.hidden = !panel.hidden;
      }
    }

    bindControls() {
      const el = this.el;
      el.composer.addEventListener("submit", (event) => {
        event.preventDefault();
        const text = el.input.value.trim();
        if (!text) { el.status.textContent = "Please type a message first."; return; }
        el.input.value = "";
        this.enqueue(text, text);
      });
      el["help-now"].addEventListener("click", () => {
        el.help.hidden = !el.help.hidden;
        el["help-now"].setAttribute("aria-expanded", String(!el.help.hidden));
      });
      el.exit.addEventListener("click", () => this.quickExit());
      el.clear.addEventListener("click", () => this.clearChat());
      el.contrast.addEventListener("click", () => this.setContrast(el.contrast.getAttribute("aria-pressed") !== "true"));
      if (!this.pageMode) {
        el.launcher.addEventListener("click", () => this.open(true));
        el.close.addEventListener("click", () => this.open(false));
        el.panel.addEventListener("keydown", (event) => { if (event.key === "Escape") { this.open(false); } });
      }
      // Like GOV.UK's "Exit this page": Shift pressed three times within a second.
      let presses = [];
      document.addEventListener("keydown", (event) => {
        if (event.key !== "Shift" || event.repeat) { return; }
        const now = Date.now();
        presses = presses.filter(function (t) { return now - t < 1000; }).concat(now);
        if (presses.length >= 3) { this.quickExit(); }
      });
      // Back to this page after a quick exit (from the browser's cache): start clean.
      window.addEventListener("pageshow", (event) => { if (event.persisted && this.exited) { window.location.reload(); } });
      window.addEventListener("online", () => { this.failures = 0; this.pump(); });
      window.addEventListener("offline", () => this.showQueueState());
    }

    open(show) {
      const { launcher, panel, input } = this.el;
      panel.hidden = !show;
      launcher.hidden = show;
      launcher.setAttribute("aria-expanded", String(show));
      store(STORE + "-open", show ? "yes" : "no");
      (show ? input : launcher).focus();
    }

    setContrast(on) {
      this.el.root.classList.toggle("wtgh-high-contrast", on);
      this.el.contrast.setAttribute("aria-pressed", String(on));
      store(CONTRAST, on ? "on" : "off");
    }

    save() { store(STORE, JSON.stringify(this.state)); }

    // --- sending: a queue that survives reloads and outages -------------------------
    enqueue(payload, shown) {
      const id = newId();
      if (shown !== null) { this.add({ from: "user", text: shown, id: id, pending: true }); }
      this.disableChoices();
      this.state.queue.push({ id: id, payload: payload });
      this.save();
      this.showQueueState();
      this.pump();
    }

    async pump() {
      if (this.sending || !this.state.queue.length) { return; }
      this.sending = true;
      const next = this.state.queue[0];
      this.el.status.textContent = "";
      this.el.status.classList.add("wtgh-typing");
      this.el.status.appendChild(document.createTextNode("Typing"));
      let data = null;
      try {
        const response = await fetch(ORIGIN + "/api/message", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          // retry: it may have reached the bot before (then the bot sends its replies again, once).
          body: JSON.stringify({ sender: this.state.sender, message: next.payload, message_id: next.id, retry: !!next.tried }),
          credentials: "omit",
          cache: "no-store",
        });
        data = await response.json();
        if (!response.ok && !data.degraded && !data.error) { data = null; }
      } catch (e) {
        data = null; // no connection: try again later
      }
      this.sending = false;
      this.el.status.classList.remove("wtgh-typing");
      if (data && !data.degraded) {
        this.delivered(next, data);
      } else {
        this.failed(data);
      }
    }

    delivered(sent, data) {
      this.state.queue.shift();
      this.state.outage = false;
      this.failures = 0;
      const item = this.state.items.find(function (i) { return i.id === sent.id; });
      if (item) { item.pending = false; this.markSent(sent.id); }
      if (data.sender) { this.state.sender = data.sender; }
      if (data.error) { this.add({ from: "bot", text: data.error }); }
      (data.messages || []).forEach((m) => this.add({ from: "bot", text: m.text || "", buttons: m.buttons || [] }));
      this.save();
      this.showQueueState();
      this.pump();
    }

    failed(data) {
      // The server answered but the bot is down: say so once (with the urgent numbers),
      // keep the message and try again.
      if (this.state.queue.length) { this.state.queue[0].tried = true; this.save(); }
      if (data && data.degraded && !this.state.outage) {
        this.state.outage = true;
        (data.messages || []).forEach((m) => this.add({ from: "bot", text: m.text || "" }));
        this.save();
      }
      const wait = RETRY_SECONDS[Math.min(this.failures, RETRY_SECONDS.length - 1)];
      this.failures += 1;
      window.clearTimeout(this.retryTimer);
      this.retryTimer = window.setTimeout(() => this.pump(), wait * 1000);
      this.showQueueState();
    }

    showQueueState() {
      if (this.sending) { return; }
      const waiting = this.state.queue.filter((q) => this.state.items.some((i) => i.id === q.id)).length;
      let text = "";
      if (this.state.queue.length && (!navigator.onLine || this.failures > 0)) {
        text = (navigator.onLine ? "Can't reach the chat right now." : "You're offline.") +
          (waiting ? " Your message is not sent yet. It will send when the connection is back." : " Trying again.") +
          " If you need help now, press 'Get help now'.";
      }
      this.el.status.textContent = text;
    }

    // --- the conversation on screen ----------------------------------------------
    add(item) {
      this.state.items.push(item);
      this.save();
      this.render(item);
      this.enableOnlyLatestChoices();
    }

    render(item) {
      const { log } = this.el;
      const div = document.createElement("div");
      div.className = "wtgh-msg wtgh-" + (item.from === "bot" ? "bot" : "user");
      if (item.id) { div.dataset.id = item.id; }
      const who = document.createElement("span");
      who.className = "nhsuk-u-visually-hidden";
      who.textContent = item.from === "bot" ? "Bot said: " : "You said: ";
      div.appendChild(who);
      addText(div, item.text || "");
      if (item.pending) {
        const note = document.createElement("span");
        note.className = "wtgh-pending";
        note.textContent = " (not sent yet)";
        div.appendChild(note);
      }
      log.appendChild(div);
      if (item.buttons && item.buttons.length) {
        const group = document.createElement("div");
        group.className = "wtgh-choices";
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", "Choices");
        item.buttons.forEach((b) => {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "wtgh-choice";
          button.textContent = b.title;
          button.addEventListener("click", () => { this.enqueue(b.payload, b.title); this.el.input.focus(); });
          group.appendChild(button);
        });
        log.appendChild(group);
      }
      log.scrollTop = log.scrollHeight;
      if (this.pageMode) { div.scrollIntoView({ block: "nearest" }); }
    }

    markSent(id) {
      const div = this.el.log.querySelector('[data-id="' + id + '"] .wtgh-pending');
      if (div) { div.remove(); }
    }

    // Only the newest answer buttons can be pressed: old ones would answer an old question.
    enableOnlyLatestChoices() {
      const groups = this.el.log.querySelectorAll(".wtgh-choices");
      const last = this.el.log.lastElementChild;
      groups.forEach(function (group) {
        group.querySelectorAll("button").forEach(function (b) { b.disabled = group !== last; });
      });
    }

    disableChoices() {
      this.el.log.querySelectorAll(".wtgh-choices button").forEach(function (b) { b.disabled = true; });
    }

    clearChat() {
      window.clearTimeout(this.retryTimer);
      this.state = emptyState();
      this.failures = 0;
      this.el.log.textContent = "";
      this.save();
      this.enqueue("hi", null);
      this.el.input.focus();
    }

    quickExit() {
      try {
        window.sessionStorage.removeItem(STORE);
        window.sessionStorage.removeItem(STORE + "-open");
        window.sessionStorage.removeItem(CONTRAST);
        if (this.pageMode) { window.sessionStorage.clear(); }
      } catch (e) { /* nothing stored */ }
      window.clearTimeout(this.retryTimer);
      this.state = emptyState();
      this.el.log.textContent = ""; // nothing left in the page if the browser keeps it for "Back"
      this.el.root.hidden = true; // blank at once, before the next page arrives
      this.exited = true;
      document.title = "Weather";
      window.location.replace(EXIT_URL);
    }
  }

  window.customElements.define("where-to-get-help", WhereToGetHelp);
})();
