// Searchable pickers (issue 12, item 5): a search box before a <select data-picker-url>.
// Typing fetches the matching options with htmx and puts them into the select; the select
// itself stays the control that is submitted (and works without this script).
// Keys in the search box: ArrowDown moves to the list, Enter chooses the first match
// (without submitting the form), Escape clears the search and brings back the whole list.
(function () {
  "use strict";

  function setUp(select) {
    if (select.dataset.pickerReady) return;
    select.dataset.pickerReady = "1";
    var id = select.id + "-search";
    var wrapper = document.createElement("div");
    wrapper.className = "picker-search mb-2";
    var label = document.createElement("label");
    label.className = "form-label small mb-1";
    label.htmlFor = id;
    label.textContent = select.dataset.pickerLabel;
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.name = "q";
    input.className = "form-control form-control-sm";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", select.id);
    input.setAttribute("aria-describedby", id + "-hint " + id + "-status");
    input.setAttribute("hx-get", select.dataset.pickerUrl);
    input.setAttribute("hx-trigger", "input changed delay:250ms, search");
    input.setAttribute("hx-target", "#" + select.id);
    input.setAttribute("hx-swap", "innerHTML");
    input.setAttribute("hx-sync", "this:replace");
    var hint = document.createElement("div");
    hint.id = id + "-hint";
    hint.className = "form-text mt-0";
    hint.textContent = select.dataset.pickerHint;
    var status = document.createElement("div");
    status.id = id + "-status";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    wrapper.appendChild(hint);
    wrapper.appendChild(status);
    select.parentNode.insertBefore(wrapper, select);

    var chosen = select.value;
    select.addEventListener("change", function () { chosen = select.value; });
    select.addEventListener("htmx:afterSwap", function () {
      var values = Array.prototype.map.call(select.options, function (o) { return o.value; });
      select.value = values.indexOf(chosen) >= 0 ? chosen : "";
      var count = Array.prototype.filter.call(select.options, function (o) {
        return o.value !== "" && !o.disabled;
      }).length;
      status.textContent = select.dataset.pickerCount.replace("%(count)s", count);
    });

    function firstMatch() {
      for (var i = 0; i < select.options.length; i++) {
        var option = select.options[i];
        if (option.value !== "" && !option.disabled) return option;
      }
      return null;
    }

    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        var option = firstMatch();
        if (option) {
          select.value = option.value;
          chosen = option.value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
        select.focus();
      } else if (event.key === "ArrowDown") {
        event.preventDefault();
        select.focus();
      } else if (event.key === "Escape" && input.value) {
        event.preventDefault();
        input.value = "";
        input.dispatchEvent(new Event("search", { bubbles: true }));
      }
    });
    if (window.htmx) window.htmx.process(input);
  }

  function setUpAll() {
    document.querySelectorAll("select[data-picker-url]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
