/* Material's search box, answered by Pagefind (hooks/portal/search.py builds the indexes).
   Material talks to its search worker in four messages: SETUP (answered with READY once the index
   is loaded), then QUERY (answered with RESULT: a list of items, each a page followed by its
   sections). This worker speaks that protocol, so the box, its keyboard use and its labels stay
   Material's. Its URL names this language's index (?index=…/pagefind/) and the site root (&root=/…/).
   Nothing here leaves the site: Pagefind's files are fetched from the index folder. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const PAGES = 20;          // results loaded for one query (the list says "best matches")
const SECTIONS_SHOWN = 3;  // sections shown under a page; the rest fold into Material's "more" line
const STROKE = "\u0335";   // "đ" is indexed as "d" + this combining stroke, which folds to "d"
/* A query typed with diacritics ranks words written exactly so first ("hòa" before "hóa", "hoa").
   One typed without them keeps Pagefind's default (0.8): a strong boost there would favour words
   that merely start with the bare letters ("tu" -> "tuyên") over "tư", "từ". */
const EXACT = { diacriticSimilarity: 100 };
const ANY = { diacriticSimilarity: 0.8 };
const TYPED_WITH_DIACRITICS = /[^\u0000-\u007f]/;

const params = new URL(self.location.href).searchParams;
const root = params.get("root");
let pagefind = null;
let latest = 0;

const fold = text => text.replace(/đ/g, "d" + STROKE).replace(/Đ/g, "D" + STROKE);
const unfold = text => text.replace(/d\u0335/g, "đ").replace(/D\u0335/g, "Đ");
const escape = text => text.replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/* One entry of Material's result list; title and text are HTML (Pagefind's excerpts already are). */
function entry(location, title, text, score, meta) {
  const tags = [...new Set([meta?.kind, meta?.section])].filter(Boolean).map(tag => escape(unfold(tag)));
  return { location, title: escape(unfold(title || "")), text: text ? `<p>${unfold(text)}</p>` : "", score, terms: {},
           tags: tags.length ? tags : undefined };  // Material draws an empty tag row for []
}

/* Pagefind ranks pages and tasks; Material lists pages with their sections. A task is indexed as a
   page of its own whose meta.target is its row on the plan page: it joins the item of that page,
   so the plan shows as its parent. */
async function search(query) {
  if (!query.trim()) return [];
  await pagefind.options({ ranking: TYPED_WITH_DIACRITICS.test(query) ? EXACT : ANY });
  const found = await pagefind.search(fold(query));
  const top = await Promise.all(found.results.slice(0, PAGES).map(async result => [result.score, await result.data()]));
  const items = new Map();
  for (const [score, data] of top) {
    const url = data.meta.target ? root + data.meta.target.slice(1) : data.url;
    const [page] = url.split("#");
    if (!items.has(page)) items.set(page, { score, page: null, sections: [], title: "" });
    const item = items.get(page);
    if (url !== data.url) {
      item.sections.push(entry(url, data.meta.title, data.excerpt, score, data.meta));
      item.title = item.title || data.meta.page_title;
    } else {
      item.page = entry(data.url, data.meta.title, data.excerpt, score, data.meta);
      for (const section of data.sub_results)  // the page's headings, less the title's own anchor
        if (section.url.includes("#") && section.title !== data.meta.title) item.sections.push(entry(section.url, section.title, section.excerpt, score));
    }
  }
  return [...items.entries()].map(([url, item]) => {
    const page = item.page || entry(url, item.title, "", item.score);
    page.score = item.score;
    item.sections.forEach((section, index) => { section.score = index < SECTIONS_SHOWN ? item.score : 0; });
    return [page, ...item.sections];
  });
}

self.addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    pagefind = await import(params.get("index") + "pagefind.js");
    await pagefind.options({ baseUrl: root, excerptLength: 24 });
    await pagefind.init();
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const ticket = ++latest;
    const items = await search(message.data);
    if (ticket === latest) self.postMessage({ type: RESULT, data: { items } });  // a newer query wins
  }
});
