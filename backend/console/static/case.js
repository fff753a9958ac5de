// The case page's script. Without it everything still works: a reply template's link
// reloads the page with the reply filled in by the server (?template=ID).
"use strict";
(() => {
  // A click on a reply template fills the resolve form's reply in place.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element
      ? event.target.closest("a[data-reply-template]")
      : null;
    if (!link) return;
    const source = document.getElementById("reply-template-" + link.dataset.replyTemplate);
    const form = link.closest("form");
    const reply = form ? form.querySelector("textarea[data-reply]") : null;
    if (!source || !reply) return;
    event.preventDefault();
    reply.value = source.textContent;
    for (const other of form.querySelectorAll("a[data-reply-template]")) {
      other.removeAttribute("aria-current");
    }
    link.setAttribute("aria-current", "true");
    reply.focus();
  });
})();
