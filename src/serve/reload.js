// tradui serve: reloads this page when a rebuild changed it, and shows the errors that
// concern it (file:line:col) until they are fixed, saying what is on screen: the last
// version that built without errors, or the new build with untranslated parts.
// Added to pages only as they are served; the files in public/ never contain it.
(function () {
  "use strict";
  var here = decodeURIComponent(location.pathname);
  if (here.slice(-1) === "/") here += "index.html";
  var match = /^\/([^/]+)\/([^/]+)\.html$/.exec(here);
  var lang = match ? match[1] : null;
  var slug = match ? match[2] : null;
  var shown = "[]";
  var box = null;
  // What the page on screen is: null until the first message (the state when it was
  // loaded), then "good" (loaded without errors), "untranslated" (loaded as a build whose
  // broken translations show the source text) or "kept" (the build did not replace it).
  var screen = null;

  // An error concerns this page when it is about its leaflet (any language for the
  // source, this language for a translation), or about no leaflet at all (the settings).
  function concerns(d) {
    if (!slug) return true;
    if (d.leaflet && d.leaflet !== slug) return false;
    if (d.lang && d.lang !== lang) return false;
    return true;
  }

  function line(d) {
    var at = d.file + (d.line ? ":" + d.line + ":" + d.column : "");
    return at + ": " + d.severity + ": " + d.message;
  }

  // The box's title: what to do, and what the page on screen is.
  function title(errors) {
    if (document.querySelector('meta[name="tradui"][content="not-found"]')) {
      return "tradui: fix this to publish the page. On screen: nothing yet (it has not built without errors)";
    }
    if (screen !== "untranslated") {
      return "tradui: fix this to update the page. On screen: the last version that built without errors";
    }
    var kept = errors.some(function (d) { return d.shows !== "untranslated"; });
    if (kept) {
      return "tradui: fix this to update the page. On screen: an earlier build, with the parts " +
        "whose translation has errors shown in the source language";
    }
    return "tradui: fix this to finish the page. On screen: the new build, with the parts " +
      "whose translation has these errors shown in the source language";
  }

  function show(errors) {
    hide();
    box = document.createElement("div");
    box.id = "tradui-errors";
    box.setAttribute("role", "alert");
    box.setAttribute("dir", "ltr");
    box.setAttribute("lang", "en");
    box.style.cssText = "position:fixed;inset-inline:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;padding:1em 1.25em;" +
      "font:14px/1.45 ui-monospace,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.25);text-align:left";
    var head = document.createElement("strong");
    head.textContent = title(errors);
    box.appendChild(head);
    errors.forEach(function (d) {
      var p = document.createElement("p");
      p.style.margin = ".6em 0 0";
      p.textContent = line(d);
      if (d.hint) {
        var hint = document.createElement("div");
        hint.style.color = "#333";
        hint.textContent = "hint: " + d.hint;
        p.appendChild(hint);
      }
      box.appendChild(p);
    });
    document.body.appendChild(box);
  }

  function hide() {
    if (box) box.remove();
    box = null;
  }

  var source = new EventSource("/__tradui/events");
  source.onmessage = function (e) {
    var msg;
    try { msg = JSON.parse(e.data); } catch (_) { return; }
    var errors = (msg.errors || []).filter(concerns);
    var key = JSON.stringify(errors);
    var changed = (msg.changed || []).indexOf(here) >= 0;
    if (screen === null) {
      // The first message is the state of public/ as this page was loaded from it.
      var kept = errors.some(function (d) { return d.shows !== "untranslated"; });
      screen = !errors.length ? "good" : (kept ? "kept" : "untranslated");
    }
    if (errors.length && key !== shown) {
      // New errors: keep the last good page in view and say what to fix.
      shown = key;
      show(errors);
    } else if (changed) {
      source.close();
      location.reload();
    } else if (!errors.length) {
      shown = "[]";
      hide();
    }
  };
})();
