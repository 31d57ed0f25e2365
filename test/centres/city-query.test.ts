import { describe, expect, it } from 'vitest'
import { matchCityQuery } from '../../src/centres/city-query.js'
import { directory } from '../../src/centres/directory.js'

const match = (text: string) => matchCityQuery(text, directory.cities)

describe('typed city names (matchCityQuery)', () => {
  it.each([
    ['Казань', 'kazan'],
    ['kazan', 'kazan'],
    ['Qozon', 'kazan'],
    ['Қазон', 'kazan'],
    ['Қозон', 'kazan'],
    ['gde centr v kazani', 'kazan'],
    ['Казанда', 'kazan'],
    ['Qozonda markaz qayerda', 'kazan'],
    ['где центр поддержки мигрантов в Казани', 'kazan'],
    ['борбор Казань', 'kazan'],
    ['centre in Kazan', 'kazan'],
    ['Москва', 'moscow'],
    ['moskva', 'moscow'],
    ['MOSKWA', 'moscow'],
    ['Масква', 'moscow'],
    ['Маскав', 'moscow'],
    ['дар Маскав марказ куҷо', 'moscow'],
    ['markaz Moskva', 'moscow'],
    ['Москвада кайда борбор?', 'moscow'],
    ['в Москве', 'moscow'],
    ['Челябинск', 'chelyabinsk'],
    ['челябинске', 'chelyabinsk'],
    ['Челябинкс', 'chelyabinsk'],
    ['Chelyabinskda yordam markazi', 'chelyabinsk'],
    ['Екатеринбург', 'yekaterinburg'],
    ['ekaterinburg', 'yekaterinburg'],
  ])('%s → the list of %s', (text, cityId) => {
    expect(match(text)).toEqual({ kind: 'city', cityId })
  })

  it.each(['центр поддержки мигрантов', 'markaz', 'борбор кайда', 'консульство'])('%s (a place, no city) → the centres menu', (text) => {
    expect(match(text)).toEqual({ kind: 'centres' })
  })

  it.each([
    'I lost my passport in Moscow',
    'потерял паспорт в Москве',
    'Москвада айлык бербей жатат',
    'москва работа',
    'Moskvada patent qancha',
    'Маскав патент',
    'Казань Москва',
    'маска',
    'казна',
    'помощь',
    'юрист',
    'зарплата',
    '',
    '🙂',
    'в в в в в в в в в в Москве',
  ])('%j stays a question for search', (text) => {
    expect(match(text)).toBeUndefined()
  })
})
