/* stdcat: the search worker of Material's search box, answering from a Pagefind index.
   Material's search box talks to a web worker by messages (SETUP 0 → READY 1, QUERY 2 → RESULT 3)
   and lets a site bring its own worker; this one keeps Material's box, keyboard handling and
   result list, and answers from the Pagefind bundle in <language root>/pagefind/, which loads
   only the index chunks and result fragments a query needs (Chinese segmented at build time).
   Replaces Material's worker file in the built site (see search.py). */
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var FIRST = 10;   /* results sent at once, so that the first ones show quickly */
var MOST = 100;   /* results listed at most; a longer list asks for a narrower query */
var BATCH = 10;   /* the rest loads this many at a time, so that a newer query need not wait for it */
var SECTIONS = 3; /* sections shown under a page */
var root = new URL("../../../", self.location.href); /* assets/javascripts/workers/ → language root */
var pagefind = null, latest = 0;

function escape(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* A Pagefind URL ("/standard/x/#h") as a location relative to the language root ("standard/x/#h"). */
function location_(url) {
  return url.replace(/^\//, "");
}

/* One Pagefind result as Material's group: the page first, then the sections whose title holds
   a word of the query (record pages share section titles such as 出处, which say nothing). */
function group(data, score, terms) {
  var words = Object.keys(terms).map(function (t) { return t.toLowerCase(); });
  var page = { location: location_(data.url), title: escape(data.meta.title || data.url), text: data.excerpt,
               score: score, terms: terms };
  var items = [page];
  (data.sub_results || []).forEach(function (sub) {
    var title = String(sub.title || "").toLowerCase();
    if (sub.url === data.url || items.length > SECTIONS) return;
    if (!words.some(function (w) { return title.indexOf(w) >= 0 && title !== String(data.meta.title).toLowerCase(); })) return;
    items.push({ location: location_(sub.url), title: escape(sub.title), text: sub.excerpt,
                 score: score, terms: terms, parent: page });
  });
  return items;
}

async function load(results, from, to, terms) {
  var slice = results.slice(from, to);
  var datas = await Promise.all(slice.map(function (r) { return r.data(); }));
  return datas.map(function (d, i) { return group(d, slice[i].score, terms); });
}

var loading = null;

function loaded() {
  if (!loading) {
    loading = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
      pagefind = module;
      return pagefind.options({ baseUrl: "/", excerptLength: 20 });
    }).then(function () { return pagefind.init(); });
  }
  return loading;
}

async function query(text, id) {
  var q = text.trim();
  if (!q) return postMessage({ type: RESULT, data: { items: [] } });
  await loaded();
  var search = await pagefind.search(q);
  if (id !== latest || !search) return;
  var terms = {};
  q.split(/\s+/).forEach(function (t) { terms[t] = true; });
  var items = await load(search.results, 0, FIRST, terms);
  if (id !== latest) return;
  postMessage({ type: RESULT, data: { items: items } });
  var all = items, last = Math.min(MOST, search.results.length);
  for (var from = FIRST; from < last; from += BATCH) {
    all = all.concat(await load(search.results, from, Math.min(from + BATCH, last), terms));
    if (id !== latest) return; /* a newer query: its results come first, this one's rest is dropped */
  }
  if (all.length > items.length) postMessage({ type: RESULT, data: { items: all } });
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    // Pagefind loads on the first query, not with every page: its metadata grows with the
    // catalog, and most page views never search.
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    query(message.data, id).catch(function (error) {
      console.warn("search failed:", error);
      if (id === latest) postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
