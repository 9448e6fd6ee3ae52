/* Cramdown calculator widgets: wires the forms to CramdownFormulas.
 * Plain script, no framework; works from file:// and with Material's instant
 * navigation (document$) as well as after a normal page load. All text it
 * writes goes through textContent. */
(function () {
  "use strict";
  /* Instant navigation runs this again on each page with a calculator; the
   * first run's document$ subscription already serves them. */
  if (window.CramdownWidgetsReady) return;
  window.CramdownWidgetsReady = true;

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
    if (!outcome.ok) {
      /* The message goes where the answer was, and the last working stays,
       * faded, so nothing on the page moves while you type. */
      var said = [];
      Object.keys(outcome.errors).forEach(function (field) {
        var msg = form.querySelector('[data-msg-for="' + field + '"]');
        var input = form.elements.namedItem(field);
        if (msg) msg.textContent = outcome.errors[field];
        if (input) input.setAttribute("aria-invalid", "true");
        var label = form.querySelector('label[for="' + (input && input.id) + '"]');
        said.push((label ? label.textContent + ": " : "") + outcome.errors[field]);
      });
      form.classList.add("cd-calc--invalid");
      answer.textContent = said.join(" ");
      summary.textContent = "";
      steps.setAttribute("aria-hidden", "true");
      return;
    }
    form.classList.remove("cd-calc--invalid");
    steps.removeAttribute("aria-hidden");
    steps.replaceChildren();
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
    root.querySelectorAll("button.cd-try:not([data-ready])").forEach(function (button) {
      button.setAttribute("data-ready", "");
      button.addEventListener("click", function () { tryExample(button); });
    });
  }

  function start() {
    /* Material's bundle, and its document$, come after the page's content. */
    function ready() {
      init(document);
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(function () { init(document); });
      }
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
    else ready();
  }

  /* Material's instant navigation does not keep the two scripts in order. */
  if (window.CramdownFormulas) start();
  else document.addEventListener("cramdown-formulas", start, { once: true });
})();
