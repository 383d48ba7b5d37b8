// tradui index: the reader's languages first, in the order the browser lists them.
(function () {
  var prefs = (navigator.languages || [navigator.language || ""]).map(function (l) { return String(l).toLowerCase(); });
  function rank(tag) {
    tag = tag.toLowerCase();
    for (var i = 0; i < prefs.length; i++) {
      if (prefs[i] === tag || prefs[i].split("-")[0] === tag.split("-")[0]) { return i; }
    }
    return prefs.length;
  }
  document.querySelectorAll("ul.index-langs").forEach(function (ul) {
    Array.prototype.slice.call(ul.children)
      .map(function (li, i) { return [rank(li.getAttribute("data-lang") || ""), i, li]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .forEach(function (x) { ul.appendChild(x[2]); });
  });
})();
