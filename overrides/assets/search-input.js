// Search follows what is in the box, however it got there. Material's search box reads the query
// on key release only, so text pasted with the mouse, an input method's composed characters and a
// browser's autofill were not searched until the next key. Every `input` event outside an
// input method's composition, and the end of each composition, now tells the box as a key release
// would (Material drops a query it has just searched, so typing is not searched twice).
(function () {
  "use strict";

  function tell(box) {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function isBox(target) {
    return target instanceof HTMLInputElement && target.classList.contains("md-search__input");
  }

  document.addEventListener("input", function (event) {
    if (isBox(event.target) && !event.isComposing) tell(event.target);
  });
  document.addEventListener("compositionend", function (event) {
    if (isBox(event.target)) tell(event.target);
  });
})();
