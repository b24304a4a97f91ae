/*
 * A Chinese "language" for lunr 2, used by the docs site's search (mkdocs' bundled lunr.zh.js needs the
 * @node-rs/jieba segmenter, which a browser does not have, so every Chinese query found nothing).
 *
 * No dictionary: text is split into words of Latin letters and digits, and every CJK character is a
 * token of its own. A query is split the same way and every CJK character is required, so 三不变
 * finds the pages holding 三, 不 and 变, and Money finds money (English words are stemmed as usual).
 * Written for dangjian_model; installed over mkdocs' file by tools/mkdocs_hooks.py.
 */
(function (root, factory) {
  if (typeof define === 'function' && define.amd) {
    define(factory);
  } else if (typeof exports === 'object') {
    module.exports = factory();
  } else {
    factory()(root.lunr);
  }
}(this, function () {
  return function (lunr) {
    var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
    var PIECES = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z0-9_\u00c0-\u024f]+/g;

    function tokenize(obj, metadata) {
      if (obj == null) {
        return [];
      }
      if (Array.isArray(obj)) {
        return obj.map(function (t) {
          return new lunr.Token(lunr.utils.asString(t).toLowerCase(), lunr.utils.clone(metadata));
        });
      }
      var str = obj.toString().toLowerCase();
      var tokens = [];
      var match;
      PIECES.lastIndex = 0;
      while ((match = PIECES.exec(str)) !== null) {
        var meta = lunr.utils.clone(metadata) || {};
        meta.position = [match.index, match[0].length];
        meta.index = tokens.length;
        tokens.push(new lunr.Token(match[0], meta));
      }
      return tokens;
    }

    function stem(token) {  // Chinese characters as they are; Latin words by lunr's English stemmer
      return CJK.test(token.toString()) ? token : lunr.stemmer(token);
    }
    lunr.Pipeline.registerFunction(stem, 'stemmer-zh');

    lunr.zh = function () {
      this.pipeline.reset();
      this.pipeline.add(lunr.stopWordFilter, stem);
      this.searchPipeline.reset();
      this.searchPipeline.add(stem);
      this.tokenizer = tokenize;
    };
    lunr.zh.tokenizer = tokenize;

    // The query is parsed by whitespace only: give each Chinese character its own required term.
    var search = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function (query) {
      var spaced = String(query).replace(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g, ' +$& ');
      return search.call(this, spaced);
    };
  };
}));
