// Filters of the factdiff HTML report: hide the findings that do not match the chosen
// severities, rule and article. Without JavaScript the form stays hidden and every finding
// is shown. Reads only the report's own data-* attributes.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.getElementById("finding-list");
  if (!form || !list) {
    return;
  }
  var items = Array.prototype.slice.call(list.children);
  var status = document.getElementById("filter-status");
  var empty = document.getElementById("filter-empty");
  function apply() {
    var severities = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=severity]"), function (box) {
      severities[box.value] = box.checked;
    });
    var rule = form.elements.rule.value;
    var article = form.elements.article.value;
    var shown = 0;
    items.forEach(function (item) {
      var articles = (item.getAttribute("data-articles") || "").split(" ");
      var show = severities[item.getAttribute("data-severity")] === true &&
        (rule === "" || item.getAttribute("data-rule") === rule) &&
        (article === "" || articles.indexOf(article) >= 0);
      item.hidden = !show;
      if (show) {
        shown += 1;
      }
    });
    status.textContent = "Showing " + shown + " of " + items.length + " findings.";
    empty.hidden = shown !== 0;
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    // The form's values change after the reset event.
    window.setTimeout(apply, 0);
  });
  form.hidden = false;
  apply();
})();
