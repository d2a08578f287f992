/* stdcat: the search worker behind Material's search box (Material lets a site bring its own).
   Material talks to it by messages: SETUP 0 → READY 1, QUERY 2 → RESULT 3 with groups of
   {location, title, text, score, terms}, title and text as HTML. Each result shows its title, its
   kind and its place in the framework, and one excerpt with the query marked.
   Served: the index is fetched from <language root>/search/stdcat/ as a query needs it. Offline
   (file://): Material hands over the whole index with SETUP, in its config (search_index.js). */
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var FIRST = 10;   /* results sent at once */
var MOST = 50;    /* results listed at most; a longer list asks for a narrower query */
var BATCH = 10;   /* the rest loads this many at a time, so that a newer query need not wait */
var AROUND = 36;  /* characters of an excerpt before the first mark */
var EXCERPT = 110; /* characters of an excerpt at most */
var engine = null, loader = null, latest = 0;

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* Where in `text` the marks stand: sorted, merged [start, end) spans. Chinese marks anywhere;
   English words where a word begins. */
function spans(text, marks) {
  var lower = text.toLowerCase(), found = [];
  marks.forEach(function (m) {
    if (!m) return;
    for (var at = lower.indexOf(m); at >= 0; at = lower.indexOf(m, at + 1)) {
      if (!isHan(m) && at > 0 && /[0-9a-z\u00c0-\u024f]/.test(lower[at - 1])) continue;
      found.push([at, at + m.length]);
    }
  });
  found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var merged = [];
  found.forEach(function (s) {
    var last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]); else merged.push(s.slice());
  });
  return merged;
}

/* `text` from `start` to `end` as HTML, the marks in <mark>. */
function marked(text, marks, start, end) {
  var out = "", at = start;
  spans(text, marks).forEach(function (s) {
    var a = Math.max(s[0], start), b = Math.min(s[1], end);
    if (b <= a || a < at) return;
    out += escapeHtml(text.slice(at, a)) + "<mark>" + escapeHtml(text.slice(a, b)) + "</mark>";
    at = b;
  });
  return out + escapeHtml(text.slice(at, end));
}

/* One excerpt: from the text with the most marked characters, around its first mark, cut at
   whole characters, with an ellipsis where it is cut. */
function excerpt(texts, marks) {
  var best = null, bestCover = -1;
  texts.forEach(function (t) {
    var cover = spans(t, marks).reduce(function (n, s) { return n + s[1] - s[0]; }, 0);
    if (cover > bestCover) { best = t; bestCover = cover; }
  });
  if (!best) return "";
  var first = spans(best, marks)[0], start = first ? Math.max(0, first[0] - AROUND) : 0;
  if (start > 0 && best.length - start < EXCERPT) start = Math.max(0, best.length - EXCERPT);
  var end = Math.min(best.length, start + EXCERPT);
  return (start > 0 ? "…" : "") + marked(best, marks, start, end) + (end < best.length ? "…" : "");
}

function item(row, marks, score, terms) {
  var where = '<span class="stdcat-search__kind">' + escapeHtml(row[2]) + "</span>" +
    (row[3] ? ' <span class="stdcat-search__place">' + escapeHtml(row[3]) + "</span>" : "");
  var text = excerpt(row[4], marks);
  return [{
    location: row[0],
    title: marked(row[1], marks, 0, row[1].length),
    text: '<p class="stdcat-search__where">' + where + "</p>" + (text ? "<p>" + text + "</p>" : ""),
    score: score,
    terms: terms,
  }];
}

async function answer(text, id) {
  var q = text.trim();
  if (!q) return postMessage({ type: RESULT, data: { items: [] } });
  var meta = await loader.meta();
  var found = await engine.search(q);
  if (id !== latest) return;
  var terms = {};
  q.split(/\s+/).forEach(function (t) { terms[t] = true; });
  var hits = found.hits.slice(0, MOST), items = [];
  for (var from = 0; from < hits.length; from = items.length) {
    var slice = hits.slice(from, from ? from + BATCH : FIRST);
    var shown = await rows(loader, meta, slice);
    if (id !== latest) return; /* a newer query: its results come first, this one's rest is dropped */
    items = items.concat(shown.map(function (row, i) { return item(row, found.marks, hits.length - from - i, terms); }));
    postMessage({ type: RESULT, data: { items: items } });
  }
  if (!hits.length) postMessage({ type: RESULT, data: { items: [] } });
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    var bundle = message.data && message.data.config && message.data.config.stdcat;
    loader = bundle ? memoryLoader(bundle) : fetchLoader(new URL("../../../search/stdcat/", self.location.href));
    engine = new Engine(loader);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    answer(message.data, id).catch(function (error) {
      console.warn("search failed:", error);
      if (id === latest) postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
