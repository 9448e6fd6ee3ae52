/* Cramdown calculator widgets: wires the forms to CramdownFormulas.
 * Plain script, no framework; works from file:// and with Material's instant
 * navigation (document$) as well as after a normal page load. All text it
 * writes goes through textContent. */
(function () {
  "use strict";

  function formValues(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name) values[el.name] = el.value;
    });
    return values;
  }

  /* Show only the modes that belong to the chosen operation (DynamoDB). */
  function syncChoices(form) {
    var operation = form.elements.namedItem("operation");
    var mode = form.elements.namedItem("mode");
    if (!operation || !mode) return;
    var firstAllowed = null;
    var currentAllowed = false;
    Array.prototype.forEach.call(mode.options, function (option) {
      var allowed = option.getAttribute("data-for").split(" ").indexOf(operation.value) !== -1;
      option.hidden = !allowed;
      option.disabled = !allowed;
      if (allowed && firstAllowed === null) firstAllowed = option.value;
      if (allowed && option.value === mode.value) currentAllowed = true;
    });
    if (!currentAllowed) mode.value = firstAllowed;
  }

  function update(form) {
    syncChoices(form);
    var limits = JSON.parse(form.getAttribute("data-limits"));
    var outcome = window.CramdownFormulas[form.getAttribute("data-calc")](formValues(form), limits);
    var answer = form.querySelector(".cd-calc__answer");
    var summary = form.querySelector(".cd-calc__summary");
    var steps = form.querySelector(".cd-calc__steps");
    form.querySelectorAll("[data-msg-for]").forEach(function (msg) { msg.textContent = ""; });
    Array.prototype.forEach.call(form.elements, function (el) { el.removeAttribute("aria-invalid"); });
    steps.replaceChildren();
    if (!outcome.ok) {
      Object.keys(outcome.errors).forEach(function (field) {
        var msg = form.querySelector('[data-msg-for="' + field + '"]');
        var input = form.elements.namedItem(field);
        if (msg) msg.textContent = outcome.errors[field];
        if (input) input.setAttribute("aria-invalid", "true");
      });
      form.classList.add("cd-calc--invalid");
      answer.textContent = "Fix the marked field to see the result.";
      summary.textContent = "";
      return;
    }
    form.classList.remove("cd-calc--invalid");
    answer.textContent = outcome.answer;
    summary.textContent = "Worked example: " + outcome.summary;
    outcome.steps.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      steps.appendChild(item);
    });
  }

  /* "Try it" beside a worked example in the notes: load its numbers. */
  function tryExample(button) {
    var form = document.querySelector('form.cd-calc[data-calc="' + button.getAttribute("data-calc") + '"]');
    if (!form) return;
    var values = JSON.parse(button.getAttribute("data-values"));
    ["operation"].concat(Object.keys(values)).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && name in values) {
        field.value = values[name];
        if (name === "operation") syncChoices(form);
      }
    });
    update(form);
    var output = form.querySelector(".cd-calc__output");
    output.scrollIntoView({ block: "center" });
    output.focus({ preventScroll: true });
  }

  function init(root) {
    root.querySelectorAll("form.cd-calc:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "");
      form.addEventListener("input", function () { update(form); });
      form.addEventListener("change", function () { update(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      update(form);
    });
    /* Shown only when scripts run, since it needs window.print(). */
    root.querySelectorAll("button.cd-print:not([data-ready])").forEach(function (button) {
      button.setAttribute("data-ready", "");
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    root.querySelectorAll("button.cd-try:not([data-ready])").forEach(function (button) {
      button.setAttribute("data-ready", "");
      button.addEventListener("click", function () { tryExample(button); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(document); });
  }
})();
