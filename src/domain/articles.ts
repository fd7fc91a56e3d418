// The longest search of the list of articles (GET /articles?q=), in characters.
export const ARTICLE_SEARCH_MAX = 200;
