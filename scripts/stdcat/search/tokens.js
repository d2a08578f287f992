/* stdcat: the one segmentation of search, in the browser (tokens.py is the same in Python, and the
   tests hold the two equal). Normalized text (NFKC, lower case, no zero-width characters) is cut
   into runs: Chinese runs give single characters and overlapping pairs when indexed, pairs (or the
   one character) when queried; a run of Latin letters and digits is one word. */
var HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
var RUNS = new RegExp("[" + HAN + "]+|[0-9a-z\u00c0-\u024f]+", "g");
var HAN_START = new RegExp("^[" + HAN + "]");
var INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
var STOPWORDS = new Set("a an and as at by for from in into of on or the to with".split(" "));

function normalize(text) {
  return String(text).normalize("NFKC").replace(INVISIBLE, "").toLowerCase();
}

function runs(text) {
  return normalize(text).match(RUNS) || [];
}

function isHan(run) {
  return HAN_START.test(run);
}

function indexTokens(text) {
  var out = [];
  runs(text).forEach(function (run) {
    if (!isHan(run)) return out.push(run);
    var chars = Array.from(run), i;
    for (i = 0; i < chars.length; i++) out.push(chars[i]);
    for (i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  });
  return out;
}

function queryTokens(text) {
  var out = [];
  runs(text).forEach(function (run) {
    var chars = Array.from(run), grams = [];
    if (!isHan(run) || chars.length === 1) grams.push(run);
    else for (var i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
    grams.forEach(function (g) { if (out.indexOf(g) < 0) out.push(g); });
  });
  return out;
}

function squash(text) {
  return runs(text).join("");
}
