// soptui situs: filter the index as the user types. No library, no request:
// the data comes from indeks.js (window.SOPTUI_INDEKS), which file:// allows.
(function () {
  "use strict";
  var input = document.getElementById("cari");
  var data = window.SOPTUI_INDEKS;
  if (!input || !data) { return; }
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var haystacks = data.map(function (entry) { return fold(entry.join(" ")); });
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-i]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.unit"));
  var count = document.getElementById("jumlah");
  var empty = document.getElementById("kosong");
  var pending = 0;
  function apply() {
    pending = 0;
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var hay = haystacks[+row.getAttribute("data-i")];
      var match = words.every(function (word) { return hay.indexOf(word) !== -1; });
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    sections.forEach(function (section) {
      var found = section.querySelectorAll("tr[data-i]:not([hidden])").length;
      section.hidden = found === 0;
      var link = document.querySelector('.unit-daftar a[href="#' + section.id + '"]');
      if (link) { link.parentNode.hidden = section.hidden; }  // the unit list names only units with a match
      [link && link.parentNode.querySelector(".hitung"), section.querySelector("h2 .hitung")].forEach(function (count, i) {
        if (!count) { return; }
        var all = count.getAttribute("data-semua"), unit = i ? " SOP" : "";
        count.textContent = "(" + (words.length && found !== +all ? found + " dari " + all : all) + unit + ")";
      });
    });
    count.textContent = shown + " dari " + rows.length + " SOP ditampilkan";
    empty.hidden = shown !== 0;
    if (history.replaceState) {
      history.replaceState(null, "", input.value ? "#cari=" + encodeURIComponent(input.value) : location.pathname);
    }
  }
  input.addEventListener("input", function () {
    if (!pending) { pending = window.requestAnimationFrame(apply); }
  });
  var hash = /^#cari=(.*)$/.exec(location.hash);
  if (hash) { input.value = decodeURIComponent(hash[1]); apply(); }
})();
