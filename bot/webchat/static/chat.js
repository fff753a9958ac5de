// The web chat's script: no framework, no outside assets; the server keeps the dialog.
"use strict";
(() => {
  const API = "/chat/api";
  const SAVED = "intake.webchat";  // the token and the last update seen (localStorage)
  const TRANSCRIPT = "intake.webchat.log";  // what this tab showed (sessionStorage)
  const MAX_UPLOAD = 10 * 1024 * 1024;
  const REFUSED = new Set([409, 413, 415, 422, 429]);  // uploads the server refused, in words
  const POLL_MS = 10000;
  const WORDS = {
    zh: {
      title: "政务诚信投诉举报", other: "English", restart: "新对话", log: "对话记录",
      text: "输入消息", placeholder: "输入消息，按回车发送", send: "发送",
      sendPhone: "发送电话号码",
      file: "添加照片或文件", phone: "电话号码", me: "我", bot: "受理助手",
      confirmRestart: "开始新对话？本页上的记录会清除，已提交的案件不受影响。",
      locating: "正在获取位置…", uploading: "正在上传：",
      tooBig: "文件太大，没有发送：每个不能超过 10 MB，请选择更小的文件。",
      empty: "文件是空的（0 字节），没有发送：请选择另一个文件。",
      noGeo: "这个浏览器不能分享位置（需要 HTTPS 连接）。请点选街道，或输入社区、街道名称。",
      geoFailed: "没能获取位置。请点选街道，或输入社区、街道名称。",
      offline: "网络连接失败，请检查网络后再试。", sent: "已收到。", attached: "📎 ",
      location: "📍 我的位置",
      expired: "之前的对话超过期限未使用，已经结束，这是新的对话。已提交的案件不受影响。",
    },
    en: {
      title: "Government integrity complaints", other: "中文", restart: "New chat",
      log: "Conversation", text: "Message", placeholder: "Type a message, Enter to send",
      send: "Send", sendPhone: "Send the phone number", file: "Add a photo or file",
      phone: "Phone number", me: "Me", bot: "Intake assistant",
      confirmRestart: "Start a new chat? This page forgets what it shows; filed cases stay.",
      locating: "Finding your location…", uploading: "Uploading: ",
      tooBig: "The file is too large and was not sent: at most 10 MB each; choose a smaller one.",
      empty: "The file is empty (0 bytes) and was not sent: choose another file.",
      noGeo: "This browser cannot share a location (it needs HTTPS). Tap a street or type it.",
      geoFailed: "Could not get your location. Tap a street or type the community or street.",
      offline: "No connection. Check the network and try again.", sent: "Received.",
      attached: "📎 ", location: "📍 My location",
      expired: "The earlier chat went unused too long and has ended; this is a new one. "
        + "Cases already filed are not affected.",
    },
  };
  const $ = (id) => document.getElementById(id);
  const ui = {
    log: $("log"), main: $("main"), notice: $("notice"), title: $("title"),
    langSwitch: $("lang-switch"), restart: $("restart"), request: $("request"),
    shareLocation: $("share-location"), phoneForm: $("phone-form"), phone: $("phone"),
    phoneLabel: $("phone-label"), phoneSend: $("phone-send"), composer: $("composer"),
    attach: $("attach"), file: $("file"), fileLabel: $("file-label"), text: $("text"),
    textLabel: $("text-label"), send: $("send"), footer: document.querySelector("footer"),
  };
  let saved = { token: null, after: 0, request: null };
  let transcript = [];
  let language = "zh";
  let queue = Promise.resolve();

  const words = () => WORDS[language] || WORDS.zh;

  function read(storage, key, fallback) {
    try { return JSON.parse(storage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function write(storage, key, value) {
    try { storage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }
  const keep = () => write(localStorage, SAVED, saved);
  const keepTranscript = () => write(sessionStorage, TRANSCRIPT, transcript.slice(-200));

  function newId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return "m" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function notify(text) {
    // The live region stays in the page (empty, it takes no room): one un-hidden together
    // with its text is not announced by every screen reader.
    ui.notice.textContent = text || "";
  }

  function applyLanguage(code) {
    if (code !== "zh" && code !== "en") return;
    language = code;
    const w = words();
    document.documentElement.lang = code === "zh" ? "zh-CN" : "en";
    document.title = w.title;
    ui.title.textContent = w.title;
    ui.langSwitch.textContent = w.other;
    ui.langSwitch.lang = code === "zh" ? "en" : "zh-CN";
    ui.restart.textContent = w.restart;
    ui.log.setAttribute("aria-label", w.log);
    ui.textLabel.textContent = w.text;
    ui.text.placeholder = w.placeholder;
    ui.send.textContent = w.send;
    ui.phoneSend.textContent = w.send;
    ui.phoneSend.setAttribute("aria-label", w.sendPhone);
    ui.fileLabel.textContent = w.file;
    ui.attach.title = w.file;
  }

  // A case number (HQ-261130-0004) is kept on one line; a line that starts with 🔑 (the
  // one-time PIN of an anonymous case) stands apart in a box. Text nodes only, never HTML.
  const CASE_NUMBER = /\b[A-Z]{1,8}-\d{6}-\d{4,}\b/g;
  const SECRET_MARK = "\u{1F511}";

  function withNumbers(parent, text) {
    let start = 0;
    for (const match of text.matchAll(CASE_NUMBER)) {
      if (match.index > start) {
        parent.appendChild(document.createTextNode(text.slice(start, match.index)));
      }
      const number = document.createElement("span");
      number.className = "case-number";
      number.textContent = match[0];
      parent.appendChild(number);
      start = match.index + match[0].length;
    }
    if (start < text.length) parent.appendChild(document.createTextNode(text.slice(start)));
  }

  function fill(box, text) {
    let lines = [];
    let afterSecret = false;
    const flush = () => {
      while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
      if (lines.length) withNumbers(box, lines.join("\n"));
      lines = [];
    };
    for (const line of text.split("\n")) {
      if (line.startsWith(SECRET_MARK)) {
        flush();
        const secret = document.createElement("span");
        secret.className = "secret";
        withNumbers(secret, line);
        box.appendChild(secret);
        afterSecret = true;
      } else if (!(afterSecret && !line.trim())) {
        afterSecret = false;
        lines.push(line);
      }
    }
    flush();
  }

  let atBottom = true;  // whether the reader sees the log's end (then it stays in sight)
  const toBottom = () => { ui.main.scrollTop = ui.main.scrollHeight; atBottom = true; };
  ui.main.addEventListener("scroll", () => {
    atBottom = ui.main.scrollHeight - ui.main.scrollTop - ui.main.clientHeight < 24;
  });
  if (window.ResizeObserver) {  // the footer grows (a bar, a longer text), the keyboard opens
    const follow = new ResizeObserver(() => { if (atBottom) toBottom(); });
    follow.observe(ui.main);
    follow.observe(ui.footer);
  }

  function show(entry) {
    const box = document.createElement("div");
    box.className = "msg " + (entry.who === "me" ? "me" : "bot");
    // A bot's message is read in the language it was written in, whatever the page speaks now.
    if (entry.lang) box.lang = entry.lang === "zh" ? "zh-CN" : "en";
    const who = document.createElement("span");
    who.className = "sr";
    who.textContent = (entry.who === "me" ? words().me : words().bot) + ": ";
    box.appendChild(who);
    fill(box, String(entry.text || ""));
    if (entry.buttons && entry.buttons.length) {
      const choices = document.createElement("div");
      choices.className = "choices";
      for (const row of entry.buttons) {
        const line = document.createElement("div");
        line.className = "row";
        for (const button of row) {
          const tap = document.createElement("button");
          tap.type = "button";
          tap.textContent = button.label;
          tap.disabled = Boolean(entry.tapped);
          tap.addEventListener("click", () => {
            // One tap a message: a second one (a double tap, the list scrolled under the
            // finger) lands nowhere, after a reload too. Given back only when the tap could
            // not be sent.
            const all = choices.querySelectorAll("button");
            for (const other of all) other.disabled = true;
            entry.tapped = true;
            say(button.label);
            send({ kind: "button", payload: button.payload }).then((sent) => {
              if (sent) return;
              for (const other of all) other.disabled = false;
              entry.tapped = false;
              keepTranscript();
            });
          });
          line.appendChild(tap);
        }
        choices.appendChild(line);
      }
      box.appendChild(choices);
    }
    ui.log.appendChild(box);
    toBottom();
  }

  function remember(entry) {
    // A bot's message keeps the language it was written in (read so after a switch).
    if (entry.who === "bot") entry.lang = language;
    transcript.push(entry);
    keepTranscript();
    show(entry);
  }
  const say = (text) => remember({ who: "me", text });

  function showRequest(request) {
    ui.request.hidden = !request;
    ui.shareLocation.hidden = !request || request.kind !== "location";
    ui.phoneForm.hidden = !request || request.kind !== "contact";
    if (request && request.kind === "location") ui.shareLocation.textContent = request.label;
    if (request && request.kind === "contact") ui.phoneLabel.textContent = request.label;
    toBottom();  // the bar took room from the log: keep its last message in sight
  }

  // After an answer, a keyboard or screen-reader user whose focus was taken away (the tapped
  // message's buttons disabled, the phone form hidden) goes on at the newest question: its
  // first button, else the phone field, else the text box. Focus still in the text box stays.
  function placeFocus() {
    const active = document.activeElement;
    const lost = !active || active === document.body || active.disabled
      || Boolean(active.closest("[hidden]"));
    if (!lost) return;
    const newest = ui.log.lastElementChild;
    const choice = newest ? newest.querySelector("button:not(:disabled)") : null;
    const target = choice || (ui.phoneForm.hidden ? ui.text : ui.phone);
    target.focus({ preventScroll: true });
  }

  function receive(replies) {
    for (const reply of replies) {
      remember({ who: "bot", text: reply.text, buttons: reply.buttons });
      if (reply.request) saved.request = reply.request;
      if (reply.remove_keyboard) saved.request = null;
    }
    keep();
    showRequest(saved.request);
    placeFocus();
  }

  async function call(method, path, body, headers) {
    const options = { method, headers: Object.assign({ "Accept-Language": language }, headers) };
    if (saved.token) options.headers.Authorization = "Bearer " + saved.token;
    if (body !== undefined) options.body = body;
    for (let attempt = 0; ; attempt += 1) {
      let response;
      try {
        response = await fetch(API + path, options);
      } catch (error) {  // offline: the same client id makes a resend harmless
        if (attempt >= 2) throw new Error(words().offline);
        await new Promise((done) => setTimeout(done, 1000 * (attempt + 1)));
        continue;
      }
      if (response.status === 503 && attempt < 3) {  // busy: nothing was saved, send again
        const wait = Number(response.headers.get("Retry-After")) || 2;
        await new Promise((done) => setTimeout(done, 1000 * wait));
        continue;
      }
      let answer = {};
      try { answer = await response.json(); } catch (e) { answer = {}; }
      if (!response.ok) {
        const failure = new Error(answer.detail || response.status + " " + response.statusText);
        failure.status = response.status;
        failure.code = answer.code;
        throw failure;
      }
      if (answer.token) {  // a new chat's token, or a renewed one: the old one ages out
        saved.token = answer.token;
        keep();
      }
      return answer;
    }
  }

  function answered(answer) {
    applyLanguage(answer.language);
    if (answer.replies && answer.replies.length) receive(answer.replies);
    else notify(words().sent);
  }

  function enqueue(task) {
    queue = queue.then(task).catch((error) => {
      if (error.status === 401 || error.status === 403) return restart(false, error.code);
      notify(error.message);
    }).then(poll);
    return queue;
  }

  // Resolves to whether the event was answered (a failure is said in the notice).
  function send(event) {
    notify("");
    const message = Object.assign({ client_id: newId() }, event);
    let sent = false;
    return enqueue(async () => {
      const json = JSON.stringify(message);
      answered(await call("POST", "/messages", json, { "Content-Type": "application/json" }));
      sent = true;
    }).then(() => sent);
  }

  function upload(file) {
    if (file.size > MAX_UPLOAD) { notify(words().tooBig); return; }
    if (file.size === 0) { notify(words().empty); return; }  // nothing to send: no bubble
    say(words().attached + file.name);
    const id = newId();
    enqueue(async () => {
      notify(words().uploading + file.name);
      const headers = {
        "Content-Type": file.type || "application/octet-stream",
        "X-File-Name": encodeURIComponent(file.name),
        "X-Client-Message-Id": id,
      };
      let answer;
      try {
        answer = await call("POST", "/files", file, headers);
      } catch (error) {
        if (!REFUSED.has(error.status)) throw error;
        // Refused (no complaint open, five files already, the day's quota): said in the log
        // under the file's bubble and kept with it, so a reload does not show it as sent.
        notify("");
        remember({ who: "bot", text: error.message });
        return;
      }
      notify("");
      answered(answer);
    });
  }

  async function poll() {
    if (!saved.token) return;
    try {
      const answer = await call("GET", "/updates?after=" + encodeURIComponent(saved.after));
      for (const message of answer.messages) {
        remember({ who: "bot", text: message.text, buttons: message.buttons });
      }
      saved.after = answer.last_id;
      keep();
    } catch (error) {
      if (error.status === 401 || error.status === 403) restart(false, error.code);
    }
  }

  // A first visit speaks English when the browser prefers it; Chinese otherwise (and first).
  function browserLanguage() {
    for (const tag of navigator.languages || [navigator.language || ""]) {
      const code = String(tag).toLowerCase();
      if (code.startsWith("zh")) return "zh";
      if (code.startsWith("en")) return "en";
    }
    return "zh";
  }

  async function begin() {
    const answer = await call("POST", "/session", JSON.stringify({ language }),
      { "Content-Type": "application/json" });
    saved = { token: answer.token, after: 0, request: null };
    keep();
    answered(answer);
  }

  // A token refused (forged, or unused past the server's limit: token_expired) starts a new
  // chat too, without asking; an expired one says why in the notice.
  function restart(ask, refused) {
    if (ask && !window.confirm(words().confirmRestart)) return;
    saved = { token: null, after: 0, request: null };
    transcript = [];
    keep();
    keepTranscript();
    ui.log.textContent = "";
    showRequest(null);
    queue = Promise.resolve();
    enqueue(async () => {
      await begin();
      if (refused === "token_expired") notify(words().expired);
    });
  }

  function shareLocation() {
    if (!navigator.geolocation || !window.isSecureContext) { notify(words().noGeo); return; }
    notify(words().locating);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        notify("");
        say(words().location);
        send({
          kind: "location",
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
        });
      },
      () => notify(words().geoFailed),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  function submitText(event) {
    event.preventDefault();
    const text = ui.text.value;
    if (!text.trim()) return;
    ui.text.value = "";
    grow();
    say(text);
    send({ kind: "text", text });
  }

  function grow() {
    ui.text.style.height = "auto";
    ui.text.style.height = Math.min(ui.text.scrollHeight, window.innerHeight * 0.4) + "px";
  }

  ui.composer.addEventListener("submit", submitText);
  ui.text.addEventListener("input", grow);
  ui.text.addEventListener("keydown", (event) => {
    // Enter sends; Shift+Enter breaks the line; Enter that ends an IME composition does neither.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      submitText(event);
    }
  });
  ui.file.addEventListener("change", () => {
    for (const file of Array.from(ui.file.files || [])) upload(file);
    ui.file.value = "";
  });
  ui.shareLocation.addEventListener("click", shareLocation);
  ui.phoneForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const phone = ui.phone.value.trim();
    if (!phone) return;
    ui.phone.value = "";
    say(phone);
    send({ kind: "text", text: phone });
  });
  ui.langSwitch.addEventListener("click", () => {
    const other = language === "zh" ? "en" : "zh";
    say(words().other);
    send({ kind: "command", command: "lang", args: [other] });
  });
  ui.restart.addEventListener("click", () => restart(true));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") enqueue(() => undefined);
  });
  setInterval(() => {
    if (document.visibilityState === "visible") enqueue(() => undefined);
  }, POLL_MS);

  async function resume() {
    saved = Object.assign(saved, read(localStorage, SAVED, {}));
    transcript = read(sessionStorage, TRANSCRIPT, []);
    if (!saved.token) {  // a first visit: the browser's language (a new chat keeps the page's)
      applyLanguage(browserLanguage());
      return begin();
    }
    let session;
    try {
      session = await call("GET", "/session");
    } catch (error) {  // the kept chat is over: its new one speaks as a first visit would
      if (error.status === 401 || error.status === 403) applyLanguage(browserLanguage());
      throw error;
    }
    applyLanguage(session.language);
    transcript.forEach(show);
    showRequest(saved.request);
    if (!transcript.length) {  // a new tab on a kept chat: greet and ask the current question
      send({ kind: "command", command: "start" });
    }
  }

  applyLanguage("zh");
  enqueue(resume);
})();
