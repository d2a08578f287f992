/* stdcat: readers' search in the browser, over the index of index.py, tokens as tokens.js cuts them.
   A query's tokens are looked up (English words also completed and corrected against the index's
   words), every token is required, and the documents found are ranked by meaning:
     tier 0  the query is one of the document's names (its title, a department's short name, a
             term's abbreviation, a name the synonyms give it);
     tier 1  every token is in its names;
     tier 2  every token is somewhere in it (ranked by how rare the tokens are and where they are);
     tier 3  only when nothing has them all: the documents with the most of them.
   Records come before paragraphs of the plan; among equals, a term's own entry, then a department,
   then an area of the framework (KIND_ORDER in documents.py), and a shorter title before a longer.
   sqlite.py ranks the same way in SQL. */
var EXACT = "=";
var PREFIX_MIN = 3;     /* an English word this long also finds the words it begins */
var PREFIX_MOST = 40;   /* words a prefix may stand for */
var PARAGRAPH_RANK = 9; /* documents of this rank and after are the plan's paragraphs */

function fnv1a(token) {
  var bytes = new TextEncoder().encode(token), hash = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
  return hash >>> 0;
}

/* The first index in the sorted list `words` whose word is not below `word`. */
function lowerBound(words, word) {
  var lo = 0, hi = words.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (words[mid] < word) lo = mid + 1; else hi = mid; }
  return lo;
}

/* Edit distance with transpositions, or more than `most` when it is larger. */
function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  var prev2 = null, prev = [], i, j;
  for (j = 0; j <= b.length; j++) prev.push(j);
  for (i = 1; i <= a.length; i++) {
    var row = [i], low = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      low = Math.min(low, d);
    }
    if (low > most) return most + 1;
    prev2 = prev; prev = row;
  }
  return prev[b.length];
}

/* The index's words a query token stands for: Chinese tokens as they are; an English word as
   itself and the words it begins, or else the nearest words (one edit, two for long words). */
function expand(token, words) {
  if (isHan(token)) return [token];
  var out = [], at = lowerBound(words, token);
  if (words[at] === token) out.push(token);
  if (token.length >= PREFIX_MIN) {
    for (var i = at; i < words.length && out.length < PREFIX_MOST && words[i].indexOf(token) === 0; i++)
      if (words[i] !== token) out.push(words[i]);
  }
  if (out.length || token.length < 4 || /^[0-9]+$/.test(token)) return out;
  var most = token.length >= 8 ? 2 : 1, best = most + 1, near = [];
  for (var k = 0; k < words.length; k++) {
    var d = distance(token, words[k], Math.min(most, best));
    if (d < best) { best = d; near = [words[k]]; } else if (d === best && d <= most) near.push(words[k]);
  }
  if (best > most) return [];
  /* a corrected word stands for the words it begins too, as a typed one does (ornage → oranges) */
  near.slice(0, 8).forEach(function (w) {
    for (var i = lowerBound(words, w); i < words.length && out.length < PREFIX_MOST && words[i].indexOf(w) === 0; i++)
      out.push(words[i]);
  });
  return out;
}

/* postings "(doc − previous) × 2 + in a name" → Map(doc → in a name) */
function decode(list) {
  var docs = new Map(), doc = -1;
  for (var i = 0; i < (list || []).length; i++) {
    doc += list[i] >> 1;
    docs.set(doc, (list[i] & 1) === 1);
  }
  return docs;
}

function Engine(loader) {
  this.loader = loader;
}

/* The plan of a query: its required tokens, each with the index words it stands for. */
Engine.prototype.plan = function (text, meta) {
  var tokens = queryTokens(text);
  var required = tokens.filter(function (t) { return !STOPWORDS.has(t); });
  if (!required.length) required = tokens;
  return required.map(function (t) { return { token: t, terms: expand(t, meta.words) }; });
};

/* Ranked hits for `text`: [{doc, tier}], best first. */
Engine.prototype.search = async function (text) {
  var loader = this.loader, meta = await loader.meta();
  var plan = this.plan(text, meta);
  if (!plan.length) return { hits: [], marks: [] };
  var exactKey = EXACT + squash(text);
  var keys = [exactKey];
  plan.forEach(function (p) { p.terms.forEach(function (t) { if (keys.indexOf(t) < 0) keys.push(t); }); });
  var numbers = [];
  keys.forEach(function (k) { var b = fnv1a(k) % meta.buckets; if (numbers.indexOf(b) < 0) numbers.push(b); });
  var loaded = await Promise.all(numbers.map(function (b) { return loader.bucket(b); }));
  var buckets = {};
  numbers.forEach(function (b, i) { buckets[b] = loaded[i]; });
  var postings = function (key) { return decode(buckets[fnv1a(key) % meta.buckets][key]); };
  var exact = postings(exactKey);
  var groups = plan.map(function (p) {
    var docs = new Map();
    p.terms.forEach(function (t) { postings(t).forEach(function (named, doc) { docs.set(doc, docs.get(doc) || named); }); });
    return { docs: docs, idf: Math.log(1 + meta.n / (1 + docs.size)) };
  });
  var hits = rank(groups, exact, meta);
  var marks = [];
  plan.forEach(function (p) { (p.terms.length ? p.terms : [p.token]).forEach(function (t) { marks.push(t); }); });
  return { hits: hits, marks: marks };
};

function rank(groups, exact, meta) {
  var hits = [], seen = new Set(), smallest = groups.slice().sort(function (a, b) { return a.docs.size - b.docs.size; })[0];
  smallest.docs.forEach(function (_, doc) {
    var named = true, score = 0;
    for (var i = 0; i < groups.length; i++) {
      if (!groups[i].docs.has(doc)) return;
      var inName = groups[i].docs.get(doc);
      named = named && inName;
      score += groups[i].idf * (inName ? 3 : 1);
    }
    hits.push({ doc: doc, tier: exact.has(doc) ? 0 : named ? 1 : 2, score: score });
    seen.add(doc);
  });
  exact.forEach(function (_, doc) { if (!seen.has(doc)) { hits.push({ doc: doc, tier: 0, score: 0 }); seen.add(doc); } });
  if (!hits.length && groups.length > 1) hits = partial(groups);
  hits.forEach(function (h) { var v = meta.docs[h.doc]; h.length = v >> 4; h.rank = v & 15; });
  return hits.sort(compare);
}

/* Nothing holds every token: the documents holding the most of them (at least half). */
function partial(groups) {
  var counts = new Map(), most = 0, hits = [];
  groups.forEach(function (g) {
    g.docs.forEach(function (named, doc) {
      var c = counts.get(doc) || { count: 0, score: 0 };
      c.count += 1; c.score += g.idf * (named ? 3 : 1);
      counts.set(doc, c);
      most = Math.max(most, c.count);
    });
  });
  if (most * 2 < groups.length) return hits;
  counts.forEach(function (c, doc) { if (c.count === most) hits.push({ doc: doc, tier: 3, score: c.score }); });
  return hits;
}

function compare(a, b) {
  if (a.tier !== b.tier) return a.tier - b.tier;
  var pa = a.rank >= PARAGRAPH_RANK ? 1 : 0, pb = b.rank >= PARAGRAPH_RANK ? 1 : 0;
  if (pa !== pb) return pa - pb;
  if (a.tier === 0) return a.rank - b.rank || a.length - b.length || a.doc - b.doc;
  if (a.tier === 1) return a.length - b.length || a.rank - b.rank || a.doc - b.doc;
  return b.score - a.score || a.rank - b.rank || a.length - b.length || a.doc - b.doc;
}

/* Loaders: where the index comes from. Served: fetched a file at a time from `base`; offline: all
   in memory (one script, since file:// cannot fetch). */
function fetchLoader(base) {
  var cache = {};
  var get = function (name) {
    if (!cache[name]) cache[name] = fetch(new URL(name, base).href).then(function (r) {
      if (!r.ok) throw new Error("search index: " + name + " " + r.status);
      return r.json();
    });
    return cache[name];
  };
  return {
    meta: function () { return get("meta.json"); },
    bucket: function (b) { return get("t" + b + ".json"); },
    chunk: function (c) { return get("d" + c + ".json"); },
  };
}

function memoryLoader(bundle) {
  return {
    meta: function () { return Promise.resolve(bundle.meta); },
    bucket: function (b) { return Promise.resolve(bundle.buckets[b]); },
    chunk: function (c) { return Promise.resolve(bundle.chunks[c]); },
  };
}

/* The display rows [url, title, kind label, place, texts] of some hits. */
async function rows(loader, meta, hits) {
  var chunks = {};
  hits.forEach(function (h) { chunks[Math.floor(h.doc / meta.chunk)] = true; });
  var names = Object.keys(chunks);
  var loaded = await Promise.all(names.map(function (c) { return loader.chunk(Number(c)); }));
  names.forEach(function (c, i) { chunks[c] = loaded[i]; });
  return hits.map(function (h) { return chunks[Math.floor(h.doc / meta.chunk)][h.doc % meta.chunk]; });
}
