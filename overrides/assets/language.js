// The language switch keeps the reader's place: the other language's link (partials/alternate.html)
// names the same page; just before it is followed, the address's query (the detail table's
// filters and sort) and fragment (the heading read) are carried over. Record ids, framework codes
// and filter values are the same in both languages, so the view means the same there.
(function () {
  "use strict";

  function carry(link) {
    var base = link.dataset.stdcatBase || (link.dataset.stdcatBase = link.getAttribute("href"));
    link.setAttribute("href", base + location.search + location.hash);
  }

  function onEvent(event) {
    var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
    if (link) carry(link);
  }

  ["pointerdown", "focusin", "click", "auxclick", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, onEvent, true);
  });
})();
