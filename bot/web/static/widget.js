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
  // Filled in by the web app from signposting/urgent_lines.py (bot/web/urgent_assets.py).
  const URGENT_LIST_HTML = __URGENT_LIST_HTML__;
  const URGENT_TEXT = __URGENT_TEXT__;

  // Whole UK numbers only: 10 or 11 digits starting with 0 (any spacing), or the short
  // helplines. A link to part of a number would be worse than no link.
  const LINK = /(https?:\/\/[^\s)]+)|(\b0\d(?: ?\d){8,9}\b|\b0800 ?1111\b|\b116 ?123\b|\b999\b|\b111\b|\b85258\b)/g;

  const TEMPLATE = `
    <link rel="stylesheet" href="${ORIGIN}/static/nhsuk-widget.css">
    <link rel="stylesheet" href="${ORIGIN}/static/widget.css">
    <link rel="stylesheet" href="${ORIGIN}/branding.css">
    <div class="wtgh" data-root>
      <button type="button" class="wtgh-launcher nhsuk-button" data-launcher aria-expanded="false" aria-controls="wtgh-panel">
        Chat: where to get help
      </button>
      <section id="wtgh-panel" class="wtgh-panel" aria-labelledby="wtgh-title" data-panel>
        <div class="wtgh-sticky" data-sticky>
        <header class="wtgh-top">
          <div class="wtgh-actions">
            <button type="button" class="wtgh-exit" data-exit aria-describedby="wtgh-exit-hint">Leave this site</button>
            <span id="wtgh-exit-hint" class="nhsuk-u-visually-hidden">Or press Shift 3 times quickly.</span>
            <button type="button" class="wtgh-help-now" data-help-now aria-expanded="false" aria-controls="wtgh-help">Get help now</button>
            <button type="button" class="wtgh-close" data-close aria-label="Close chat">Close</button>
          </div>
          <p id="wtgh-title" class="wtgh-title" data-title>Where to get help</p>
        </header>
        <section id="wtgh-help" class="wtgh-help" data-help hidden aria-label="Urgent help" tabindex="-1">
          <h2 class="wtgh-help-title">Urgent help</h2>
          ${URGENT_LIST_HTML}
        </section>
        </div>
        <div class="wtgh-body">
          <div class="wtgh-log" data-log role="log" aria-live="polite" aria-relevant="additions" aria-label="Conversation" tabindex="0"></div>
          <p class="wtgh-status" data-status role="status"></p>
          <form class="wtgh-composer" data-composer autocomplete="off">
            <label class="nhsuk-label nhsuk-u-visually-hidden" for="wtgh-message">Your message</label>
            <input class="nhsuk-input" id="wtgh-message" data-input name="message" type="text" maxlength="1000" placeholder="Type a message" enterkeyhint="send">
            <button type="submit" class="nhsuk-button wtgh-send">Send</button>
          </form>
          <p class="wtgh-print-title" aria-hidden="true">Places that can help</p>
          <div class="wtgh-tools">
            <button type="button" class="wtgh-link" data-clear>Clear this chat</button>
            <button type="button" class="wtgh-link" data-contrast aria-pressed="false">High contrast</button>
            <a class="wtgh-link" href="${ORIGIN}/privacy" target="_blank" rel="noopener">Privacy</a>
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

  const TOUCH = window.matchMedia("(pointer: coarse)");

  // Three presses of Shift alone within QUICK_EXIT_MS; any other key starts the count again.
  const QUICK_EXIT_MS = 1000;
  class ShiftPresses {
    constructor(onExit) { this.onExit = onExit; this.times = []; }
    keydown(event) {
      if (event.key !== "Shift" || event.ctrlKey || event.altKey || event.metaKey) { this.times = []; return; }
      if (event.repeat) { return; }
      const now = Date.now();
      this.times = this.times.filter((t) => now - t < QUICK_EXIT_MS).concat(now);
      if (this.times.length >= 3) { this.times = []; this.onExit(); }
    }
  }

  // The bot's messages as chat items. A service card stands for the plain-text version of
  // it sent just before (`replaces` messages): the card is shown instead. Other custom
  // payloads are not shown. A "keep this list" row follows the last card.
  function botItems(messages) {
    const items = [];
    messages.forEach(function (m) {
      const card = m.custom && m.custom.type === "service_card" ? m.custom : null;
      if (card) {
        for (let n = card.replaces || 0; n > 0; n -= 1) {
          const last = items[items.length - 1];
          if (!last || last.card || last.keep || (last.buttons && last.buttons.length)) { break; }
          items.pop();
        }
        items.push({ from: "bot", card: card });
      } else if (m.text || (m.buttons && m.buttons.length)) {
        items.push({ from: "bot", text: m.text || "", buttons: m.buttons || [] });
      }
    });
    const lastCard = items.map((i) => !!i.card).lastIndexOf(true);
    if (lastCard >= 0) { items.splice(lastCard + 1, 0, { from: "bot", keep: true }); }
    return items;
  }

  // Issue 14: the buttons of "Did this help?" and its follow-ups send /feedback{...}.
  function isFeedback(item) {
    return !!(item.buttons && item.buttons.length) && item.buttons.every((b) => String(b.payload).indexOf("/feedback") === 0);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function actionLink(action, className) {
    if (!/^(https?:|tel:|sms:|mailto:)/.test(action.href)) { return el("p", className, action.label); }
    const a = el("a", className, action.label);
    a.href = action.href;
    if (/^https?:/.test(action.href)) { a.rel = "noopener noreferrer"; a.target = "_blank"; }
    return a;
  }

  // NHS.UK frontend's card: the name as a heading, what it is, who it is for, the main
  // action, when it is open, why it was picked; the rest under "More about this service".
  function renderCard(card) {
    const box = el("div", "nhsuk-card wtgh-card");
    box.dataset.serviceId = card.id;
    const content = el("div", "nhsuk-card__content");
    content.appendChild(el("h2", "nhsuk-card__heading wtgh-card-name", card.name));
    content.appendChild(el("p", "nhsuk-card__description", card.summary));
    const who = el("p", "wtgh-card-who");
    who.appendChild(el("strong", "", "Who it's for: "));
    who.appendChild(document.createTextNode(card.who));
    content.appendChild(who);
    if (card.action.href) {
      content.appendChild(actionLink(card.action, "wtgh-card-action wtgh-action-" + card.action.kind));
    } else {
      content.appendChild(el("p", "wtgh-card-action wtgh-action-" + card.action.kind, card.action.label));
    }
    if (card.opening) { content.appendChild(el("p", "wtgh-card-open", card.opening)); }
    content.appendChild(el("p", "wtgh-card-why", card.reason));
    if (card.changed_note) { content.appendChild(el("p", "wtgh-card-changed", card.changed_note)); }
    const more = el("details", "nhsuk-details wtgh-card-more");
    more.appendChild(el("summary", "nhsuk-details__summary", "More about this service"));
    const text = el("div", "nhsuk-details__text");
    [card.more.description, "Who it's for: " + card.more.who, "How to get help: " + card.more.how].forEach((line) => {
      const p = el("p", "");
      addText(p, line);
      text.appendChild(p);
    });
    const others = el("ul", "wtgh-card-others");
    card.more.contacts.forEach((line) => { const li = el("li", ""); addText(li, line); others.appendChild(li); });
    text.appendChild(others);
    more.appendChild(text);
    content.appendChild(more);
    box.appendChild(content);
    return box;
  }

  function renderShare(data) {
    const box = el("div", "wtgh-share");
    const link = el("a", "", data.url);
    link.href = data.url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    box.appendChild(link);
    const qr = el("img", "wtgh-qr");
    qr.src = data.qr;
    qr.alt = "QR code: scan it with another phone's camera to open this list";
    qr.width = 160;
    qr.height = 160;
    box.appendChild(qr);
    return box;
  }

  // The list as plain text, for "Copy list".
  function listText(cards) {
    const parts = cards.map(function (c) {
      return [c.name, c.summary, "Who it's for: " + c.who, c.action.label + (c.action.href && !/^tel:|^sms:/.test(c.action.href) ? ": " + c.action.href : ""),
        c.opening || ""].concat(c.more.contacts).filter(Boolean).join("\n");
    });
    return ["Places that can help"].concat(parts, ["Urgent help: " + URGENT_TEXT]).join("\n\n");
  }

  class WhereToGetHelp extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) { return; }
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = TEMPLATE; // fixed markup only; every message goes in as text
      this.pageMode = this.getAttribute("mode") === "page";
      this.el = {};
      ["root", "launcher", "panel", "sticky", "title", "help-now", "exit", "close", "help", "log", "status", "composer",
        "input", "clear", "contrast"].forEach((name) => { this.el[name] = root.querySelector("[data-" + name + "]"); });
      this.state = loadState();
      this.sending = false;
      this.retryTimer = null;
      this.failures = 0;
      this.setUpLayout();
      this.applyBranding();
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

    // The deployment's service name and logo (issue #16; its colour comes in branding.css).
    // If they can't be fetched, the widget keeps its default title: nothing waits for them.
    applyBranding() {
      fetch(ORIGIN + "/branding.json", { credentials: "omit" })
        .then((response) => (response.ok ? response.json() : null))
        .then((branding) => {
          if (!branding || !branding.service_name) { return; }
          const title = this.shadowRoot.querySelector("[data-title]") || this.shadowRoot.getElementById("wtgh-title");
          if (title) { title.textContent = branding.service_name; }
          if (branding.logo && title && !this.shadowRoot.querySelector(".wtgh-logo")) {
            const logo = document.createElement("img");
            logo.className = "wtgh-logo";
            logo.alt = "";
            logo.src = new URL(branding.logo, ORIGIN).href;
            title.before(logo);
          }
        })
        .catch(() => {});
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
      // Like GOV.UK's "Exit this page": Shift pressed three times within about a second,
      // with no other key between (Shift+Tab and typed capitals never count).
      const shiftPresses = new ShiftPresses(() => this.quickExit());
      document.addEventListener("keydown", (event) => shiftPresses.keydown(event), true);
      // Back to this page after a quick exit (from the browser's cache): start clean.
      window.addEventListener("pageshow", (event) => { if (event.persisted && this.exited) { window.location.reload(); } });
      window.addEventListener("beforeprint", () => this.beforePrint());
      window.addEventListener("afterprint", () => this.afterPrint());
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
      const items = botItems(data.messages || []);
      const cardsBefore = this.el.log.querySelectorAll(".wtgh-card").length;
      items.forEach((item) => this.add(item));
      this.scrollTo(this.el.log.querySelectorAll(".wtgh-card")[cardsBefore]);
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
      if (item.card) { log.appendChild(renderCard(item.card)); return; }
      if (item.keep) { log.appendChild(this.renderKeep()); return; }
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
      if (isFeedback(item)) {
        const row = log.appendChild(this.renderFeedback(item));
        log.scrollTop = log.scrollHeight;
        if (this.pageMode) { row.scrollIntoView({ block: "nearest" }); }
        return;
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
          button.addEventListener("click", () => {
            this.enqueue(b.payload, b.title);
            // On a phone, focus in the text box opens the keyboard over the next question's buttons.
            if (TOUCH.matches) { this.el.log.focus({ preventScroll: true }); } else { this.el.input.focus(); }
          });
          group.appendChild(button);
        });
        log.appendChild(group);
      }
      log.scrollTop = log.scrollHeight;
      if (this.pageMode) { div.scrollIntoView({ block: "nearest" }); }
    }

    // Issue 14: "Did this help?" and the like: one small line whose buttons stay usable
    // alongside the newest question's (enableOnlyLatestChoices), until the user sends anything.
    renderFeedback(item) {
      const row = el("div", "wtgh-feedback");
      row.setAttribute("role", "group");
      row.setAttribute("aria-label", item.text);
      row.appendChild(el("span", "wtgh-feedback-question", item.text));
      item.buttons.forEach((b) => {
        const button = el("button", "wtgh-choice wtgh-feedback-button", b.title);
        button.type = "button";
        button.addEventListener("click", () => {
          this.enqueue(b.payload, b.title);
          if (TOUCH.matches) { this.el.log.focus({ preventScroll: true }); } else { this.el.input.focus(); }
        });
        row.appendChild(button);
      });
      return row;
    }

    // After results: the first card at the top of the view (under the sticky header).
    scrollTo(node) {
      if (!node) { return; }
      if (this.pageMode) {
        const below = this.el.sticky.getBoundingClientRect().height + 8;
        window.scrollTo({ top: node.getBoundingClientRect().top + window.scrollY - below, behavior: "instant" });
      } else {
        this.el.log.scrollTop = node.offsetTop - this.el.log.offsetTop;
      }
    }

    // --- taking the list away: print, copy, a link with a QR code ---------------------
    cards() {
      const seen = new Set();
      return this.state.items.filter((i) => i.card && !seen.has(i.card.id) && seen.add(i.card.id)).map((i) => i.card);
    }

    renderKeep() {
      const box = document.createElement("div");
      box.className = "wtgh-keep";
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Keep this list");
      const status = document.createElement("p");
      status.className = "wtgh-keep-status";
      status.setAttribute("role", "status");
      const actions = [
        ["Save or print this list", () => this.printList()],
        ["Copy list", () => this.copyList(status)],
        ["Get a link to this list", () => this.shareList(box, status)],
      ];
      actions.forEach(([label, handler]) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "wtgh-link wtgh-keep-button";
        button.textContent = label;
        button.addEventListener("click", handler);
        box.appendChild(button);
      });
      box.appendChild(status);
      return box;
    }

    printList() { window.print(); }

    // Printing (the button or the browser's own Print): only the cards, in full, and the
    // urgent numbers (widget.css, @media print), under a title that says nothing about
    // what was searched for, so a printout or a PDF's name does not out the person.
    beforePrint() {
      if (this.printState) { return; } // already printing (the button, then the browser)
      this.printState = { title: document.title, closed: Array.from(this.el.log.querySelectorAll(".wtgh-card details:not([open])")) };
      this.printState.closed.forEach((d) => { d.open = true; });
      document.title = "Saved list";
    }

    afterPrint() {
      if (!this.printState) { return; }
      this.printState.closed.forEach((d) => { d.open = false; });
      document.title = this.printState.title;
      this.printState = null;
    }

    copyList(status) {
      const text = listText(this.cards());
      const said = () => { status.textContent = "List copied. You can paste it into a note or a message."; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(said, () => { status.textContent = "Sorry, copying did not work here. Try 'Save or print this list'."; });
      } else {
        status.textContent = "Sorry, copying does not work here. Try 'Save or print this list'.";
      }
    }

    async shareList(box, status) {
      const cards = this.cards();
      status.textContent = "Making a link...";
      try {
        const response = await fetch(ORIGIN + "/api/share", {
          method: "POST", headers: { "Content-Type": "application/json" }, credentials: "omit", cache: "no-store",
          body: JSON.stringify({ services: cards.map((c) => c.id), area: cards.map((c) => c.area).find(Boolean) || null }),
        });
        const data = await response.json();
        if (!response.ok || !data.url) { throw new Error(data.error || "no link"); }
        const old = box.querySelector(".wtgh-share");
        if (old) { old.remove(); }
        box.insertBefore(renderShare(data), status);
        status.textContent = "Here is your link. It works for 7 days and holds only this list.";
      } catch (e) {
        status.textContent = "Sorry, I couldn't make a link just now. You can copy or print the list instead.";
      }
    }

    markSent(id) {
      const div = this.el.log.querySelector('[data-id="' + id + '"] .wtgh-pending');
      if (div) { div.remove(); }
    }

    // Only the newest answer buttons can be pressed: old ones would answer an old question.
    // Feedback lines (issue 14) after them do not count, and stay usable until the user
    // sends anything (they belong to the bot's latest reply).
    enableOnlyLatestChoices() {
      const children = Array.from(this.el.log.children);
      const last = children.filter((node) => !node.classList.contains("wtgh-feedback")).pop();
      this.el.log.querySelectorAll(".wtgh-choices").forEach(function (group) {
        group.querySelectorAll("button").forEach(function (b) { b.disabled = group !== last; });
      });
      const lastUser = children.map((node) => node.classList.contains("wtgh-user")).lastIndexOf(true);
      children.forEach(function (node, index) {
        if (!node.classList.contains("wtgh-feedback")) { return; }
        node.querySelectorAll("button").forEach(function (b) { b.disabled = index < lastUser; });
      });
    }

    disableChoices() {
      this.el.log.querySelectorAll(".wtgh-choices button, .wtgh-feedback button").forEach(function (b) { b.disabled = true; });
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
