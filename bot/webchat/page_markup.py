"""The chat page's markup and style (Chinese first; the script switches the words)."""

STYLE = """
:root {
  color-scheme: light dark;
  --bg: #f4f5f7; --fg: #1c1e21; --muted: #5f6368; --bot: #ffffff; --me: #d7ebff;
  --accent: #b3261e; --accent-fg: #ffffff; --line: #d0d4d9; --choice: #eef2f7;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181c; --fg: #e8eaed; --muted: #a8adb3; --bot: #24272c; --me: #1f3a57;
    --accent: #e0645c; --accent-fg: #16181c; --line: #3a3f45; --choice: #2c3137;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { height: 100%; margin: 0; }
body {
  display: flex; flex-direction: column; min-height: 100vh; min-height: 100dvh;
  background: var(--bg); color: var(--fg); font-size: 16px; line-height: 1.5;
  font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
    sans-serif;
}
.sr {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
header {
  display: flex; align-items: center; gap: 8px; padding: 8px 12px;
  background: var(--accent); color: var(--accent-fg);
}
header h1 { flex: 1; margin: 0; font-size: 1.05rem; }
header button {
  min-height: 36px; padding: 4px 10px; border: 1px solid currentColor; border-radius: 6px;
  background: transparent; color: inherit; font: inherit; font-size: 0.9rem; cursor: pointer;
}
main { flex: 1; overflow-y: auto; padding: 12px; }
#log { display: flex; flex-direction: column; gap: 10px; max-width: 760px; margin: 0 auto; }
.msg {
  max-width: 88%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap;
  overflow-wrap: anywhere; box-shadow: 0 1px 1px rgba(0, 0, 0, 0.08);
}
.msg.bot { align-self: flex-start; background: var(--bot); }
.msg.me { align-self: flex-end; background: var(--me); }
.msg .who { display: block; font-size: 0.75rem; color: var(--muted); }
.choices { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
.row { display: flex; flex-wrap: wrap; gap: 6px; }
.row button, #request button {
  flex: 1 1 auto; min-height: 44px; padding: 6px 12px; border: 1px solid var(--line);
  border-radius: 8px; background: var(--choice); color: var(--fg); font: inherit;
  cursor: pointer; text-align: center;
}
button:focus-visible, textarea:focus-visible, input:focus-visible,
.attach:focus-within { outline: 3px solid #1a73e8; outline-offset: 2px; }
#notice {
  max-width: 760px; margin: 8px auto 0; padding: 8px 12px; border-radius: 8px;
  background: #fff4e5; color: #5c3b00;
}
footer {
  padding: 8px 12px calc(8px + env(safe-area-inset-bottom)); border-top: 1px solid var(--line);
  background: var(--bot);
}
#request, #composer, #phone-form {
  display: flex; gap: 8px; max-width: 760px; margin: 0 auto; align-items: flex-end;
}
#request { flex-direction: column; align-items: stretch; margin-bottom: 8px; }
#phone-form label { align-self: center; }
#phone, #text {
  flex: 1; min-width: 0; min-height: 44px; padding: 10px; border: 1px solid var(--line);
  border-radius: 8px; background: var(--bg); color: var(--fg); font: inherit;
}
#text { resize: none; max-height: 40vh; }
.attach, #send, #phone-send {
  min-width: 44px; min-height: 44px; padding: 0 12px; border: 0; border-radius: 8px;
  font: inherit; cursor: pointer; display: inline-flex; align-items: center;
  justify-content: center;
}
.attach { background: var(--choice); color: var(--fg); font-size: 1.3rem; }
#send, #phone-send { background: var(--accent); color: var(--accent-fg); }
button:disabled { opacity: 0.6; cursor: progress; }
"""

BODY = """
<header>
  <h1 id="title">政务诚信投诉举报</h1>
  <button type="button" id="lang-switch" lang="en">English</button>
  <button type="button" id="restart">新对话</button>
</header>
<main id="main">
  <div id="log" role="log" aria-live="polite" aria-label="对话记录"></div>
  <p id="notice" role="status" hidden></p>
  <noscript><p>请启用 JavaScript 后使用本页面。Please turn on JavaScript to use this page.</p>
  </noscript>
</main>
<footer>
  <div id="request" hidden>
    <button type="button" id="share-location" hidden>📍 分享位置</button>
    <form id="phone-form" hidden>
      <label for="phone" id="phone-label">电话号码</label>
      <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel"
        maxlength="20">
      <button type="submit" id="phone-send">发送</button>
    </form>
  </div>
  <form id="composer">
    <label class="attach" id="attach" title="添加照片或文件"><span aria-hidden="true">📎</span>
      <span class="sr" id="file-label">添加照片或文件</span>
      <input id="file" name="file" type="file" class="sr">
    </label>
    <label for="text" class="sr" id="text-label">输入消息</label>
    <textarea id="text" name="text" rows="1" placeholder="输入消息，按回车发送"
      enterkeyhint="send" autocomplete="off"></textarea>
    <button type="submit" id="send">发送</button>
  </form>
</footer>
"""
