// A record's GB/T 7714 citation of its page ends with its 引用日期 (the date it was accessed): the
// reader's today, filled in here (the page itself cannot know it; without JavaScript the
// placeholder 引用日期 stays, for the reader to fill in).
(function () {
  "use strict";

  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function fill() {
    Array.prototype.forEach.call(document.querySelectorAll(".stdcat-cite__accessed"), function (el) {
      el.textContent = today();
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(fill);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();
