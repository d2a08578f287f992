/* stdcat: Chinese query segmentation for Material's search worker (see search_patch.py).
   Replaces the worker's segment(query, index): `query` is one run of Chinese characters, `index`
   the Lunr inverted index (word → postings per field). */
function NAME(query, index) {
  var n = query.length, best = [[0, 0, 0, -1, false]], i, j;
  for (i = 1; i <= n; i++) best.push(null);
  /* best[j]: the best cut of query[0, j) as [unknown characters, words, -frequency, start, known] */
  for (i = 0; i < n; i++) {
    if (!best[i]) continue;
    for (j = i + 1; j <= n && j <= i + 16; j++) {
      var word = query.slice(i, j), known = word in index, frequency = 0;
      if (!known && j > i + 1) continue;
      if (known) {
        var postings = index[word];
        for (var field in postings)
          if (field !== "_index") frequency += Object.keys(postings[field]).length;
      }
      var prev = best[i], cut = [prev[0] + (known ? 0 : 1), prev[1] + 1, prev[2] - frequency, i, known];
      var old = best[j];
      if (!old || cut[0] < old[0] || (cut[0] === old[0] && (cut[1] < old[1] || (cut[1] === old[1] && cut[2] < old[2]))))
        best[j] = cut;
    }
  }
  var parts = [], known_ = [];
  for (j = n; j > 0; j = best[j][3]) {
    parts.unshift(query.slice(best[j][3], j));
    known_.unshift(best[j][4]);
  }
  /* characters outside the index's words stay together: a prefix search may still find them */
  var words = [];
  for (i = 0; i < parts.length; i++) {
    if (i && !known_[i] && !known_[i - 1]) words[words.length - 1] += parts[i];
    else words.push(parts[i]);
  }
  if (words.length < 2) return new Set([query]);
  /* every word required, only the last one a prefix: 碳计量 → "+碳 +计量*" */
  return new Set([words.map(function (w, k) { return "+" + w + (k === words.length - 1 ? "*" : ""); }).join(" ")]);
}
