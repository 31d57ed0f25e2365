import { LOCALES_DIR } from '../i18n.js'
import { createArticleSearch, type ArticleSearch } from '../search/article-search.js'
import { ArticleLibrary } from './article-library.js'
import { loadArticles } from './articles.js'

/** Read-only content built once at start: the articles and their search index. */
export interface Content {
  articles: ArticleLibrary
  search: ArticleSearch
}

export function loadContent(localesDir = LOCALES_DIR): Content {
  const articles = loadArticles(localesDir)
  return { articles: new ArticleLibrary(articles), search: createArticleSearch(articles) }
}

