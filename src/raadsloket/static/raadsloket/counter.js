// SPDX-License-Identifier: EUPL-1.2
// Progressive enhancement: under a long text the page says "maximaal N tekens" (server-rendered);
// this turns it into "nog N tekens" while typing. Without JavaScript the form works the same and
// the server refuses an over-long text with its length (cases.forms.LongTextField). Loaded as a
// file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  function dutch(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function update(counter, field) {
    var limit = parseInt(field.getAttribute("data-limit"), 10);
    // Count characters as the server does (code points; a line break is one).
    var left = limit - Array.from(field.value).length;
    if (left >= 0) {
      counter.textContent = "nog " + dutch(left) + (left === 1 ? " teken" : " tekens") +
        " (maximaal " + dutch(limit) + ")";
      counter.classList.remove("rl-counter--over");
    } else {
      counter.textContent = dutch(-left) + (left === -1 ? " teken" : " tekens") +
        " te veel (maximaal " + dutch(limit) + ")";
      counter.classList.add("rl-counter--over");
    }
  }

  function attach(root) {
    var counters = root.querySelectorAll("[data-counter-for]");
    Array.prototype.forEach.call(counters, function (counter) {
      var field = document.getElementById(counter.getAttribute("data-counter-for"));
      if (!field || !field.hasAttribute("data-limit") || field.dataset.counted) {
        return;
      }
      field.dataset.counted = "1";
      field.addEventListener("input", function () { update(counter, field); });
      update(counter, field);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { attach(document); });
  // Forms that htmx swaps in (a case action's form) get their counters too.
  document.addEventListener("htmx:afterSettle", function (event) { attach(event.target); });
}());
