// The detail table (标准明细表): filters, sorting and rows drawn from the JSON the page carries
// (scripts/stdcat/site/pages/detail.py) in a <template>: not a <script>, because Material's instant
// navigation re-runs every inline script of a new page as JavaScript, whatever its type. Record text only ever reaches the page through
// textContent and attributes set by DOM calls, never as markup. Only a page of rows is drawn at a
// time, so the table stays quick with 10,000 records. The view lives in the address (?org=…&sort=…)
// so it can be bookmarked, shared and carried over by the language switch (language.js).
// Every cell carries its column's name (data-label): on a phone each row is a card (tables.css).
(function () {
  "use strict";

  var PAGE = 100;
  var FIRST = 25;  // rows drawn before anything else: more than a screenful
  var COMPACT_DEPTS = 1;  // departments named in a compact row before "… N in all"
  var FACETS = ["area", "kind", "level", "status", "org", "sector", "horizon"];
  var DEFAULT_SORT = "code";
  // The text filter's parameter: not "q", which Material's search reads on load and opens with.
  var TEXT = "text";

  // Rows as objects, with what filtering and sorting need worked out once.
  function load(data) {
    var nodes = data.nodes;
    var rank = {};
    Object.keys(data.labels).forEach(function (group) {
      rank[group] = {};
      data.labels[group].forEach(function (pair, i) { rank[group][pair[0]] = i; });
    });
    var rows = data.rows.map(function (values, position) {
      var row = { position: position };
      data.fields.forEach(function (field, i) { row[field] = values[i]; });
      row.areas = ancestors(nodes, row.node);
      row.haystack = [row.title, row.other, row.number, row.id].join("\n").toLowerCase();
      return row;
    });
    return { data: data, rows: rows, rank: rank, labels: labelMaps(data.labels) };
  }

  function ancestors(nodes, index) {
    var out = [];
    while (index >= 0 && out.indexOf(index) < 0) {
      out.push(index);
      index = nodes[index][3];
    }
    return out;
  }

  function labelMaps(labels) {
    var out = {};
    Object.keys(labels).forEach(function (group) {
      out[group] = {};
      labels[group].forEach(function (pair) { out[group][pair[0]] = pair[1]; });
    });
    return out;
  }

  // The facet values of a row, as the strings the select options and the address use.
  function facetValues(table, row, facet) {
    var d = table.data;
    switch (facet) {
      case "area": return row.areas.map(function (i) { return d.nodes[i][0]; });
      case "org": return row.lead.concat(row.depts).map(function (i) { return d.orgs[i][0]; });
      case "sector": return row.sectors;
      case "horizon": return row.horizon === null ? [] : [String(row.horizon)];
      default: return row[facet] ? [row[facet]] : [];
    }
  }

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = {
      text: params.get(TEXT) || "", sort: params.get("sort") || DEFAULT_SORT, limit: PAGE,
      rows: params.get("rows") === "full" ? "full" : "compact",
    };
    FACETS.forEach(function (facet) { state[facet] = params.get(facet) || ""; });
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) { if (state[facet]) params.set(facet, state[facet]); });
    if (state.text) params.set(TEXT, state.text);
    if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
    if (state.rows === "full") params.set("rows", "full");
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function matches(table, row, state) {
    for (var i = 0; i < FACETS.length; i++) {
      var want = state[FACETS[i]];
      if (want && facetValues(table, row, FACETS[i]).indexOf(want) < 0) return false;
    }
    var words = state.text.toLowerCase().split(/\s+/).filter(Boolean);
    return words.every(function (word) { return row.haystack.indexOf(word) >= 0; });
  }

  // Sort keys: labels sort in the schema's order, text by the page language's collation; rows
  // without a value go last either way, ties keep the framework's order.
  function sortKey(table, key) {
    var d = table.data;
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    var rank = function (group, value) { return value in table.rank[group] ? table.rank[group][value] : null; };
    var keys = {
      code: function (r) { return r.position; },
      title: function (r) { return r.title || null; },
      number: function (r) { return r.number || null; },
      type: function (r) { return rank("kind", r.kind) * 100 + (r.type ? rank("type", r.type) + 1 : 0); },
      level: function (r) { return r.level ? rank("level", r.level) : null; },
      status: function (r) { return r.status ? rank("status", r.status) : null; },
      depts: function (r) { var all = r.lead.concat(r.depts); return all.length ? d.orgs[all[0]][1] : null; },
      horizon: function (r) { return r.horizon; },
    };
    return { get: keys[key] || keys.code, compare: collator.compare };
  }

  function sorted(table, rows, sort) {
    var desc = sort.charAt(0) === "-";
    var key = sortKey(table, desc ? sort.slice(1) : sort);
    var values = new Map(rows.map(function (r) { return [r, key.get(r)]; }));
    return rows.slice().sort(function (a, b) {
      var x = values.get(a), y = values.get(b);
      if (x === null || y === null) return x === y ? a.position - b.position : x === null ? 1 : -1;
      var order = typeof x === "string" ? key.compare(x, y) : x - y;
      return (desc ? -order : order) || a.position - b.position;
    });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }

  // The options of each facet: only values some row has, with how many rows have them.
  function options(table, facet) {
    var counts = {};
    table.rows.forEach(function (row) {
      facetValues(table, row, facet).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
    });
    var d = table.data;
    var all;
    if (facet === "area") {
      all = d.nodes.map(function (n) { return [n[0], (n[1] ? n[1] + " " : "") + n[2], depth(d.nodes, n)]; });
    } else if (facet === "org") {
      all = d.orgs.map(function (o) { return [o[0], o[1], 0]; });
      all.sort(function (a, b) { return (counts[b[0]] || 0) - (counts[a[0]] || 0); });
    } else {
      all = d.labels[facet].map(function (pair) { return [pair[0], pair[1], 0]; });
    }
    return all.filter(function (o) { return counts[o[0]]; }).map(function (o) {
      return { value: o[0], text: "\u3000".repeat(o[2]) + o[1] + " (" + counts[o[0]] + ")" };
    });
  }

  function depth(nodes, node) {
    var n = 0;
    for (var i = node[3]; i >= 0 && n < nodes.length; i = nodes[i][3]) n++;
    return n;
  }

  function cell(row, label, children) {
    var td = el("td");
    td.dataset.label = label;
    children.forEach(function (child) { if (child) td.appendChild(child); });
    row.appendChild(td);
  }

  function orgLinks(table, indices, className) {
    var span = el("span", "", className);
    indices.forEach(function (i, n) {
      var org = table.data.orgs[i];
      if (n) span.appendChild(document.createTextNode(table.data.sep));
      var link = el(org[2] ? "a" : "span", org[1]);
      if (org[2]) link.setAttribute("href", org[2]);
      span.appendChild(link);
    });
    return span;
  }

  // The responsible departments: the lead (marked as such) first, then the others; compact rows
  // name the first few and say how many there are in all.
  function departments(table, row, compact) {
    var ui = table.data.ui, out = el("span");
    var others = row.depts, limit = compact ? Math.max(0, COMPACT_DEPTS - row.lead.length) : others.length;
    if (row.lead.length) {
      out.appendChild(el("span", ui.lead_mark, "stdcat-lead-mark"));
      out.appendChild(orgLinks(table, row.lead, "stdcat-lead"));
    }
    if (others.length && limit) {
      if (row.lead.length) out.appendChild(document.createTextNode(table.data.sep));
      out.appendChild(orgLinks(table, others.slice(0, limit)));
    }
    if (others.length > limit) {
      out.appendChild(el("span", fill(ui.detail_depts_more, { n: row.lead.length + others.length }), "stdcat-more-count"));
    }
    return out;
  }

  function drawRow(table, row, serial, names, classes, compact) {
    var d = table.data, labels = table.labels;
    var tr = el("tr");
    tr.dataset.id = row.id;
    var link = el("a", row.title);
    link.setAttribute("href", d.links[row.kind][0] + row.id + d.links[row.kind][1]);
    var other = row.other ? el("span", row.other, "stdcat-other") : null;
    if (other) other.setAttribute("lang", document.documentElement.lang === "en" ? "zh" : "en");
    var kind = labels.kind[row.kind] + (row.type ? " · " + labels.type[row.type] : "");
    var status = el("span", labels.status[row.status] || row.status, "stdcat-status stdcat-status--" + row.status);
    cell(tr, names[0], [document.createTextNode(String(serial))]);
    cell(tr, names[1], [el("span", row.node >= 0 ? d.nodes[row.node][1] : "", "stdcat-code")]);
    cell(tr, names[2], [link, other]);
    cell(tr, names[3], [document.createTextNode(row.number)]);
    cell(tr, names[4], [document.createTextNode(kind)]);
    cell(tr, names[5], [document.createTextNode(row.level ? labels.level[row.level] || row.level : "")]);
    cell(tr, names[6], [row.status ? status : null]);
    cell(tr, names[7], [departments(table, row, compact)]);
    cell(tr, names[8], [document.createTextNode(row.horizon === null ? "" : labels.horizon[row.horizon] || String(row.horizon))]);
    Array.prototype.forEach.call(tr.children, function (td, i) {
      td.className = classes[i];
      if (!td.textContent) td.classList.add("stdcat-empty");
    });
    return tr;
  }

  function draw(view) {
    var table = view.table, state = view.state, ui = table.data.ui;
    var found = sorted(table, table.rows.filter(function (r) { return matches(table, r, state); }), state.sort);
    var shown = found.slice(0, state.limit);
    var body = document.createDocumentFragment();
    shown.forEach(function (row, i) { body.appendChild(drawRow(table, row, i + 1, view.names, view.classes, state.rows === "compact")); });
    view.tbody.replaceChildren(body);
    view.count.textContent = found.length
      ? fill(ui.detail_showing, { shown: found.length, total: table.rows.length })
      : ui.detail_none;
    view.more.hidden = found.length <= shown.length;
    view.more.textContent = fill(ui.detail_more, { rest: found.length - shown.length });
    view.table_el.classList.toggle("stdcat-detail--compact", state.rows === "compact");
    var active = FACETS.filter(function (facet) { return state[facet]; }).length;
    view.toggle.textContent = fill(active ? ui.detail_facets_on : ui.detail_facets, { n: active });
    view.density.setAttribute("aria-pressed", String(state.rows === "compact"));
    view.headers.forEach(function (button) {
      var th = button.parentNode, key = button.dataset.sort;
      if (state.sort === key) th.setAttribute("aria-sort", "ascending");
      else if (state.sort === "-" + key) th.setAttribute("aria-sort", "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  function showState(view) {
    var form = view.form, state = view.state;
    form.elements[TEXT].value = state.text;
    FACETS.forEach(function (facet) {
      var select = form.elements[facet];
      select.value = state[facet];
      if (select.value !== state[facet]) state[facet] = "";  // a value no row has: no filter
    });
  }

  function bind(view) {
    var form = view.form, state = view.state, timer = 0;
    var update = function () { state.limit = PAGE; writeState(state); draw(view); };
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    FACETS.forEach(function (facet) {
      form.elements[facet].addEventListener("change", function (event) { state[facet] = event.target.value; update(); });
    });
    form.elements[TEXT].addEventListener("input", function (event) {
      clearTimeout(timer);
      // Typing a word should not redraw the table for each letter of it.
      timer = setTimeout(function () { state.text = event.target.value.trim(); update(); }, 150);
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();  // showState sets every field from the cleared state instead
      Object.assign(state, readState(""));
      showState(view);
      update();
    });
    view.headers.forEach(function (button) {
      button.addEventListener("click", function () {
        var key = button.dataset.sort;
        state.sort = state.sort === key ? "-" + key : key;
        update();
      });
    });
    view.toggle.addEventListener("click", function () {
      var open = view.toggle.getAttribute("aria-expanded") !== "true";
      view.toggle.setAttribute("aria-expanded", String(open));
    });
    view.density.addEventListener("click", function () {
      state.rows = state.rows === "compact" ? "full" : "compact";
      writeState(state);
      draw(view);
    });
    view.more.addEventListener("click", function () { state.limit += PAGE; draw(view); });
  }

  // The first screenful of rows is drawn at once; the filters' options, the rest of the first page
  // of rows and the controls follow in a later task, so that no single task blocks the page long.
  function init(root) {
    var source = document.getElementById("stdcat-detail-data");
    if (!source || root.dataset.ready) return;
    root.dataset.ready = "1";
    var table = load(JSON.parse(source.content.textContent));
    var form = root.querySelector("form");
    var heads = Array.prototype.slice.call(root.querySelectorAll("thead th"));
    var view = {
      table: table,
      table_el: root.querySelector("table"),
      density: root.querySelector(".stdcat-detail__density"),
      toggle: root.querySelector(".stdcat-detail__toggle"),
      names: heads.map(function (th) { return th.textContent.trim(); }),
      classes: heads.map(function (th) { return th.className; }),
      form: form,
      state: readState(location.search),
      tbody: root.querySelector("tbody"),
      count: root.querySelector(".stdcat-detail__count"),
      more: root.querySelector(".stdcat-detail__more"),
      headers: Array.prototype.slice.call(root.querySelectorAll("th button[data-sort]")),
    };
    view.state.limit = FIRST;
    draw(view);
    setTimeout(function () {
      FACETS.forEach(function (facet) {
        options(table, facet).forEach(function (o) {
          var option = el("option", o.text);
          option.value = o.value;
          form.elements[facet].appendChild(option);
        });
      });
      showState(view);
      if (FACETS.some(function (facet) { return view.state[facet]; })) view.toggle.setAttribute("aria-expanded", "true");
      bind(view);
      writeState(view.state);
      view.state.limit = PAGE;
      draw(view);
      root.setAttribute("aria-busy", "false");
    }, 0);
  }

  function start() {
    var root = document.getElementById("stdcat-detail");
    if (root) init(root);
  }

  // Material's instant navigation swaps pages without reloading scripts: document$ says when. From
  // file:// (the offline copy) document$ exists but never fires, so the page's own load starts it
  // too; init() runs once per page either way.
  if (typeof document$ !== "undefined") document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
