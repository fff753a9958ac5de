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
