// The staff console's script. Everything works without it; it only makes forms nicer.
// Served as a file under a policy that allows no inline script: add behaviour here (or in
// another file under static/), hooked to data- attributes, never to onclick="...".
"use strict";
(() => {
  // <form data-once>: a second click while the first submission is on its way does nothing.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-once")) return;
    if (form.dataset.sending === "yes") {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "yes";
    for (const button of form.querySelectorAll("button[type=submit]")) {
      button.setAttribute("aria-disabled", "true");
    }
  });

  // <input data-select-all>: a secret shown once is selected whole on focus, ready to copy.
  document.addEventListener("focusin", (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.hasAttribute("data-select-all")) {
      input.select();
    }
  });

  // <form data-draft="KEY" data-draft-at="STATE">: what is typed is kept for this tab
  // (sessionStorage, gone with the tab or at sign-out) and put back when the same form is
  // shown again at the same state: a session that ended on submit leads, once signed in
  // again, back to the page (next=), and nothing typed is lost. A draft kept at another
  // state is dropped: the action was done, or someone moved the case on meanwhile.
  const DRAFT = "intake.draft.";
  const TYPED = ["text", "date", "number", "search", "tel", "email", "url"];
  const typed = (field) =>
    field.name && field.name !== "csrf_token" &&
    (field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement ||
      (field instanceof HTMLInputElement && TYPED.includes(field.type)));
  const store = (action) => {
    try {
      return action(window.sessionStorage);
    } catch (refused) { // storage off or full: the form works as before, nothing is kept
      return null;
    }
  };
  const keep = (form) => {
    const fields = {};
    for (const field of form.elements) {
      if (typed(field) && field.value) fields[field.name] = field.value;
    }
    const key = DRAFT + form.dataset.draft;
    const draft = JSON.stringify({ at: form.dataset.draftAt, fields });
    store((s) => Object.keys(fields).length ? s.setItem(key, draft) : s.removeItem(key));
  };
  for (const kind of ["input", "change"]) {
    document.addEventListener(kind, (event) => {
      const form = event.target && event.target.form;
      if (form instanceof HTMLFormElement && form.dataset.draft) keep(form);
    });
  }
  // <span data-forget-draft="KEY">: the form was sent and done (a record filed): its draft
  // is not put back in the next empty form.
  for (const done of document.querySelectorAll("[data-forget-draft]")) {
    store((s) => s.removeItem(DRAFT + done.dataset.forgetDraft));
  }
  for (const form of document.querySelectorAll("form[data-draft]")) {
    const key = DRAFT + form.dataset.draft;
    let draft = null;
    try {
      draft = JSON.parse(store((s) => s.getItem(key)) || "null");
    } catch (broken) {
      draft = null;
    }
    if (!draft) continue;
    if (draft.at !== form.dataset.draftAt || typeof draft.fields !== "object") {
      store((s) => s.removeItem(key));
      continue;
    }
    let restored = false;
    for (const [name, value] of Object.entries(draft.fields || {})) {
      const field = form.elements.namedItem(name);
      if (field && typed(field) && !field.value && typeof value === "string") {
        field.value = value;
        restored = true;
      }
    }
    const note = form.querySelector("[data-draft-note]");
    if (restored && note) note.hidden = false;
  }
  // Signing out forgets every draft of this tab.
  document.addEventListener("submit", (event) => {
    if (!(event.target instanceof HTMLFormElement)) return;
    if (!event.target.hasAttribute("data-forget-drafts")) return;
    store((s) => {
      for (const key of Object.keys(s)) if (key.startsWith(DRAFT)) s.removeItem(key);
    });
  });

  // Coming back with the browser's Back button shows the page as it was left: submittable.
  window.addEventListener("pageshow", () => {
    for (const form of document.querySelectorAll("form[data-sending]")) {
      delete form.dataset.sending;
      for (const button of form.querySelectorAll("button[aria-disabled]")) {
        button.removeAttribute("aria-disabled");
      }
    }
  });
})();
