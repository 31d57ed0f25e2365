import { ARTICLE_CATEGORIES, type Article, type ArticleCategory, type Language } from './articles.js'

/** Which request topic an article's category maps to when the reader asks a lawyer about it. */
export const CATEGORY_TO_TOPIC = { documents: 'documents', work: 'work', police: 'police', life: 'life', family: 'family', help: 'other' } as const

const FALLBACK: Language[] = ['ru', 'en', 'ky', 'uz', 'tg']

/** The loaded articles by id and language, with a fallback when a translation is missing. */
export class ArticleLibrary {
  private readonly byKey = new Map<string, Article>()

  constructor(readonly all: readonly Article[]) {
    for (const a of all) this.byKey.set(`${a.id}:${a.lang}`, a)
  }

  has(id: string): boolean {
    return FALLBACK.some((l) => this.byKey.has(`${id}:${l}`))
  }

  get(id: string, lang: Language): Article | undefined {
    return this.byKey.get(`${id}:${lang}`) ?? FALLBACK.map((l) => this.byKey.get(`${id}:${l}`)).find(Boolean)
  }

  categories(): readonly { id: ArticleCategory; articleIds: readonly string[] }[] {
    return ARTICLE_CATEGORIES
  }

  categoryOf(id: string): ArticleCategory | undefined {
    return ARTICLE_CATEGORIES.find((c) => (c.articleIds as readonly string[]).includes(id))?.id
  }
}

/** Days between the `checked` date and today; more than a year means "this may be out of date". */
export function daysSinceChecked(article: Pick<Article, 'checked'>, today: Date): number {
  return Math.floor((today.getTime() - Date.parse(`${article.checked}T00:00:00Z`)) / 86_400_000)
}
