// SPDX-License-Identifier: EUPL-1.2
// Progressive enhancement of the co-requester checkboxes (cases/includes/co_requesters.html)
// into a combobox with a listbox, after the WAI-ARIA APG combobox pattern: type to filter,
// ArrowDown/ArrowUp to move, Enter to choose, Escape to close. Chosen members show as chips with
// a remove button. The checkboxes stay the form's input (hidden), so the server sees the same.
(function () {
  "use strict";
  var counter = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function enhance(fieldset) {
    var list = fieldset.querySelector("[data-combobox-list]");
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
    if (!list || !boxes.length) { return; }
    var id = "rl-combobox-" + (++counter);
    var people = boxes.map(function (box) {
      var label = fieldset.querySelector("label[for='" + box.id + "']");
      return { box: box, name: label ? label.textContent.trim() : box.value };
    });
    var wrap = el("div", { "class": "rl-combobox" });
    var chips = el("ul", { "class": "rl-combobox__chips", "aria-label": "Gekozen mede-indieners" });
    var label = el("label", { "class": "utrecht-form-label", "for": id + "-input" }, "Zoek een raadslid op naam");
    var input = el("input", {
      "type": "text", "id": id + "-input", "class": "utrecht-textbox utrecht-textbox--html-input",
      "role": "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
      "aria-controls": id + "-listbox", "autocomplete": "off"
    });
    var listbox = el("ul", {
      "id": id + "-listbox", "role": "listbox", "aria-label": "Raadsleden",
      "aria-multiselectable": "true", "class": "rl-combobox__listbox"
    });
    listbox.hidden = true;
    var status = el("div", { "class": "rl-combobox__status", "aria-live": "polite" });
    var shown = [];
    var active = -1;

    function renderChips() {
      chips.textContent = "";
      people.forEach(function (person) {
        if (!person.box.checked) { return; }
        var chip = el("li", { "class": "rl-combobox__chip" });
        chip.appendChild(el("span", {}, person.name));
        var remove = el("button", {
          "type": "button", "class": "utrecht-button utrecht-button--subtle",
          "aria-label": "Verwijder " + person.name
        }, "×");
        remove.addEventListener("click", function () {
          person.box.checked = false;
          status.textContent = person.name + " verwijderd.";
          renderChips();
          input.focus();
        });
        chip.appendChild(remove);
        chips.appendChild(chip);
      });
    }

    function setActive(index) {
      active = index;
      shown.forEach(function (item, i) {
        item.node.classList.toggle("rl-combobox__option--active", i === index);
      });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", shown[index].node.id);
        shown[index].node.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      var words = input.value.trim().toLowerCase();
      listbox.textContent = "";
      shown = [];
      people.forEach(function (person, i) {
        if (words && person.name.toLowerCase().indexOf(words) === -1) { return; }
        var node = el("li", {
          "id": id + "-option-" + i, "role": "option", "class": "rl-combobox__option",
          "aria-selected": person.box.checked ? "true" : "false"
        }, person.name);
        node.addEventListener("mousedown", function (event) { event.preventDefault(); });
        node.addEventListener("click", function () { choose(person); });
        listbox.appendChild(node);
        shown.push({ person: person, node: node });
      });
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = shown.length ? shown.length + " raadsleden gevonden." : "Geen raadslid gevonden.";
      setActive(-1);
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function choose(person) {
      person.box.checked = !person.box.checked;
      status.textContent = person.name + (person.box.checked ? " gekozen." : " verwijderd.");
      input.value = "";
      renderChips();
      close();
      input.focus();
    }

    input.addEventListener("input", open);
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      var isOpen = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!isOpen) { open(); }
        if (shown.length) { setActive(Math.min(active + 1, shown.length - 1)); }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (!isOpen) { open(); }
        if (shown.length) { setActive(active <= 0 ? shown.length - 1 : active - 1); }
      } else if (event.key === "Enter") {
        // Enter chooses; it never submits the form from this field.
        if (isOpen && active >= 0) { event.preventDefault(); choose(shown[active].person); }
        else if (isOpen) { event.preventDefault(); }
      } else if (event.key === "Escape") {
        if (isOpen) { event.preventDefault(); close(); } else { input.value = ""; }
      }
    });

    wrap.appendChild(chips);
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(listbox);
    wrap.appendChild(status);
    list.hidden = true;
    list.parentNode.insertBefore(wrap, list);
    renderChips();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-combobox]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
