// A box that scrolls sideways (a wide Markdown table Material wraps, a chart) must be reachable by
// keyboard (WCAG 2.1.1; axe: scrollable-region-focusable): where one overflows, it becomes a
// focusable, named region; where it fits, it stays out of the tab order. Checked on every page
// (instant navigation included) and when the window is resized.
(function () {
  "use strict";

  var BOXES = ".md-typeset__scrollwrap, .stdcat-stats__table, .stdcat-stats__chart, .stdcat-diagram__scroll, .stdcat-neighbourhood__scroll";

  function name(box) {
    var caption = box.querySelector("caption, figcaption");
    if (caption) return caption.textContent.trim();
    var heading = null;
    for (var node = box; node && !heading; node = node.parentElement) {
      for (var before = node.previousElementSibling; before && !heading; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) heading = before;
      }
    }
    return heading ? heading.textContent.replace(/¶$/, "").trim() : document.title;
  }

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(BOXES), function (box) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        if (!box.hasAttribute("role")) box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", name(box));
        box.dataset.stdcatScroll = "1";
      } else if (!overflows && box.dataset.stdcatScroll) {
        box.removeAttribute("tabindex");
        delete box.dataset.stdcatScroll;
      }
    });
  }

  var timer = 0;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(mark, 200); });
  if (typeof document$ !== "undefined") document$.subscribe(mark);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
