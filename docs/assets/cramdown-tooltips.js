/* Term and service links show their definition as a tooltip (Material's
 * content.tooltips) on hover and on keyboard focus. A touch screen has no
 * hover, so there the first tap shows the tooltip and a second tap follows
 * the link. */
(function () {
  "use strict";
  var LINKS = "a.cd-term, a.cd-service-link";
  var armed = null;

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(LINKS) : null;
    if (!link || !window.matchMedia("(hover: none)").matches) return;
    if (armed === link) {
      armed = null;
      return;
    }
    armed = link;
    event.preventDefault();
    event.stopPropagation();
    link.focus();
  }, true);
})();
