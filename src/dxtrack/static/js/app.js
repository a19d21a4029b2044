// dxtrack page behaviour: charts from data attributes, upload progress, review highlights.
(function () {
  "use strict";

  function drawCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.drawn) return;
      var spec = JSON.parse(el.dataset.chart);
      if (spec.type !== "status") return;  // other chart types are drawn by their own pages
      var chart = window.echarts.init(el);
      chart.setOption({
        animation: false,
        tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
        series: [{
          type: "pie", radius: ["45%", "75%"], avoidLabelOverlap: true,
          label: { show: false }, labelLine: { show: false },
          data: spec.data.map(function (d) { return { name: d.name, value: d.value, itemStyle: { color: d.color } }; })
        }]
      });
      el.dataset.drawn = "1";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  function trackUploads() {
    document.body.addEventListener("htmx:xhr:progress", function (evt) {
      var form = evt.target.closest("form");
      var bar = form && form.querySelector("progress");
      if (bar && evt.detail.lengthComputable) {
        bar.hidden = false;
        bar.value = Math.round((evt.detail.loaded / evt.detail.total) * 100);
      }
    });
  }

  // Working on a task card highlights its clause in the text panel. Only the panel scrolls
  // (never the page: a click must land where it was aimed, on any card), and only when the
  // panel sits beside the cards; on a phone it is above them and stays put.
  function highlightSpans() {
    var active = null;
    document.body.addEventListener("focusin", function (evt) {
      var card = evt.target.closest("[data-task-span]");
      if (!card || card.dataset.taskSpan === active) return;
      active = card.dataset.taskSpan;
      document.querySelectorAll("mark.task-span.active").forEach(function (m) { m.classList.remove("active"); });
      var mark = document.getElementById("span-" + active);
      if (!mark) return;
      mark.classList.add("active");
      var panel = mark.closest(".doc-text");
      if (!panel || getComputedStyle(panel.parentElement).position !== "sticky") return;
      var top = mark.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      if (top < 0 || top > panel.clientHeight - 40) panel.scrollTop += top - 40;
    });
  }

  // Agency pickers: a name chosen from the directory list is added as a line of the card's
  // lead or coordinators field; in an unmatched name's picker it is submitted at once.
  function agencyPickers() {
    function known(input) {
      var list = document.getElementById(input.getAttribute("list"));
      return list && Array.prototype.some.call(list.options, function (o) { return o.value === input.value; });
    }
    document.body.addEventListener("change", function (evt) {
      var input = evt.target;
      if (!input.classList || !input.value || !known(input)) return;
      if (input.classList.contains("agency-add")) {
        var field = document.getElementById(input.dataset.append);
        var lines = field.value.split("\n").filter(function (l) { return l.trim(); });
        if (lines.indexOf(input.value) < 0) lines.push(input.value);
        field.value = lines.join("\n");
        input.value = "";
      } else if (input.closest(".party-pick")) {
        input.closest("form").requestSubmit();
      }
    });
  }

  // A form marked data-remove-closest="li" takes its list item away once its request succeeded
  // (no inline handler: the CSP allows scripts from our origin only).
  function removeWhenDone() {
    document.body.addEventListener("htmx:afterRequest", function (evt) {
      var form = evt.target.closest && evt.target.closest("form[data-remove-closest]");
      if (!form || !evt.detail.successful) return;
      var item = form.closest(form.dataset.removeClosest);
      if (item) item.remove();
    });
  }

  // Confirming waits for card saves still on their way, and stops when a card has edits
  // nobody saved: it would confirm the old text and show it under the success banner.
  function guardConfirm() {
    var pending = 0;
    document.body.addEventListener("htmx:beforeRequest", function () { pending += 1; });
    document.body.addEventListener("htmx:afterRequest", function () { pending = Math.max(0, pending - 1); });
    function dirty(form) {
      return Array.prototype.some.call(form.elements, function (el) {
        if (el.type === "hidden" || el.classList.contains("agency-add")) return false;
        if (el.tagName === "SELECT") {  // without a `selected` option the first one is the default
          var initial = Array.prototype.findIndex.call(el.options, function (o) { return o.defaultSelected; });
          return el.selectedIndex !== Math.max(initial, 0);
        }
        return "defaultValue" in el && el.value !== el.defaultValue;
      });
    }
    function unsaved() {
      return Array.prototype.filter.call(document.querySelectorAll("form.task-form"), dirty);
    }
    function warn(forms) {
      var box = document.getElementById("confirm-warning");
      box.hidden = false;
      box.textContent = "Có " + forms.length + " thẻ nhiệm vụ đã sửa nhưng chưa lưu: hãy bấm «Lưu» trên thẻ đó (hoặc tải lại trang để bỏ sửa) rồi xác nhận.";
      forms[0].querySelector("input, textarea, select").focus();
    }
    document.body.addEventListener("submit", function (evt) {
      var form = evt.target;
      if (form.id !== "confirm-form") return;
      if (pending === 0) {
        var forms = unsaved();
        if (forms.length) { evt.preventDefault(); warn(forms); }
        return;
      }
      evt.preventDefault();  // a save is on its way: confirm what it saves, not what was
      var quiet = 0;  // the swap of a finished save settles just after its request ends
      var wait = setInterval(function () {
        quiet = pending > 0 ? 0 : quiet + 1;
        if (quiet < 3) return;
        clearInterval(wait);
        var forms = unsaved();
        if (forms.length) warn(forms); else form.submit();
      }, 100);
    });
  }

  // Choosing «Hoàn thành» on a report form means 100% unless the officer types otherwise.
  function completeMeansFull() {
    document.body.addEventListener("change", function (evt) {
      var input = evt.target;
      if (input.name !== "state" || input.value !== "done") return;
      var percent = input.form && input.form.querySelector("input[name=percent]");
      if (percent) percent.value = "100";
    });
  }

  // On a phone the filters start folded (unless some are active) so the results show first.
  function foldFilters() {
    if (!window.matchMedia("(max-width: 719px)").matches) return;
    document.querySelectorAll("details[data-collapse-mobile]").forEach(function (box) {
      if (!("active" in box.dataset)) box.open = false;
    });
  }

  // Native file inputs speak the browser's language; ours show the chosen names in Vietnamese.
  function showChosenFiles() {
    document.body.addEventListener("change", function (evt) {
      var input = evt.target;
      if (!input.classList || !input.classList.contains("file-input")) return;
      var out = document.querySelector(".file-names[data-for='" + input.id + "']");
      if (!out) return;
      var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
      out.textContent = names.length ? names.join("; ") : "Chưa chọn tệp nào";
    });
  }

  // A form marked data-reset-on-success empties itself once htmx has posted it (the page's
  // Content-Security-Policy forbids inline handlers such as hx-on).
  function resetOnSuccess() {
    document.body.addEventListener("htmx:afterRequest", function (evt) {
      var form = evt.detail.elt;
      if (evt.detail.successful && form && form.matches && form.matches("form[data-reset-on-success]")) {
        form.reset();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    resetOnSuccess();
    foldFilters();
    showChosenFiles();
    completeMeansFull();
    agencyPickers();
    removeWhenDone();
    guardConfirm();
    drawCharts(document);
    trackUploads();
    highlightSpans();
    document.body.addEventListener("htmx:afterSwap", function (evt) {
      drawCharts(evt.target);
      if (evt.target.classList.contains("messages") && evt.target.firstElementChild) {
        evt.target.scrollIntoView({ block: "nearest" });
        evt.target.firstElementChild.setAttribute("tabindex", "-1");
        evt.target.firstElementChild.focus();
      }
    });
  });
})();
