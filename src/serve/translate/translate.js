// The translators' form, improved when script runs (it works without): under each field,
// the source's placeables as chips that insert themselves at the cursor, each marked
// while the translation lacks it, and a live preview in the frame beside the form.
// Text only: nothing here builds HTML from strings.
(function () {
  "use strict";
  var PLACEABLE = /\{\s*(\$[A-Za-z][A-Za-z0-9_-]*|-[A-Za-z][A-Za-z0-9_-]*)\s*\}/g;

  function names(text) {
    var out = [], m;
    PLACEABLE.lastIndex = 0;
    while ((m = PLACEABLE.exec(text)) !== null) {
      if (out.indexOf(m[1]) < 0) out.push(m[1]);
    }
    return out;
  }

  function insert(field, text) {
    var start = field.selectionStart, end = field.selectionEnd, v = field.value;
    field.value = v.slice(0, start) + text + v.slice(end);
    field.selectionStart = field.selectionEnd = start + text.length;
    field.focus();
    field.dispatchEvent(new Event("input"));
  }

  function chips(unit) {
    var source = unit.querySelector(".source");
    var field = unit.querySelector("textarea");
    if (!source || !field) return;
    var wanted = names(source.textContent);
    if (wanted.length === 0) return;
    var bar = document.createElement("p");
    bar.className = "chips";
    var label = document.createElement("span");
    label.textContent = "Insert: ";
    bar.appendChild(label);
    var buttons = wanted.map(function (name) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "chip";
      b.textContent = "{ " + name + " }";
      b.dataset.name = name;
      b.addEventListener("click", function () { insert(field, "{ " + name + " }"); });
      bar.appendChild(b);
      return b;
    });
    field.insertAdjacentElement("afterend", bar);
    function mark() {
      var have = names(field.value);
      var empty = field.value.trim() === "";
      buttons.forEach(function (b) {
        var absent = !empty && have.indexOf(b.dataset.name) < 0;
        b.classList.toggle("absent", absent);
        b.title = absent ? "the translation does not have this yet" : "";
      });
    }
    field.addEventListener("input", mark);
    mark();
  }

  document.querySelectorAll("section.unit").forEach(chips);

  // Live preview: a moment after typing stops, the form is posted to the preview frame
  // (the same as pressing "Preview"); nothing is saved.
  var form = document.querySelector("form");
  var button = document.querySelector("button.show-preview");
  var timer = null;
  if (form && button && form.requestSubmit) {
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { form.requestSubmit(button); }, 700);
    });
  }
})();
