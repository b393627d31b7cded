/**
 * @module match/age
 * Age expressions (`12yo`, `12 y.o.`, `12-year-old`, `12 ans`, `12 Jahre`, `12 años`, `twelve year old`)
 * recognized by a small tokenizer over normalized units: a number word or a one- or two-digit number, then
 * an age word of one of the supported languages, glued to it or in the next one or two words. No regular
 * expression ever runs on user input.
 */

import { UNIT_BOUNDARY, UNIT_DIGIT, type Units } from '../normalize/units.js'

/** One age expression: the age and its original span (UTF-16, half-open). */
export interface AgeExpression {
  readonly age: number
  readonly start: number
  readonly end: number
}

/**
 * Age words, squeezed like units are (`anni` → `ani`), run together when they span words (`year old` →
 * `yearold`).
 */
const AGE_WORDS: ReadonlySet<string> = new Set([
  // en
  'yo',
  'yold',
  'yr',
  'yrs',
  'yrold',
  'yrsold',
  'year',
  'years',
  'yearold',
  'yearolds',
  'yearsold',
  'yearolder',
  // fr
  'an',
  'ans',
  // de
  'j',
  'jahr',
  'jahre',
  'jahrig',
  'jahrige',
  'jahriger',
  'jahrigen',
  'jahrigem',
  'jahrealt',
  'jahrenalt',
  // es, pt
  'ano',
  'anos',
  'anito',
  'anitos',
  'anosdeedad',
  // it
  'ani',
  'ene',
  'eni',
  // nl
  'jaar',
  'jarig',
  'jarige',
  'jaaroud',
  // pl
  'lat',
  'letni',
  'letnia',
  'letnie',
  'latek',
  'latka',
  // sv
  'ar',
  'aring',
  'aringar',
  'arig',
  'argamal',
  // fi
  'v',
  'vuotias',
  'vuotiaat',
  'vuotiaan',
  'vuota',
])

/** English number words below 20, squeezed (`three` → `thre`). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['thre', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirten', 13],
  ['fourten', 14],
  ['fiften', 15],
  ['sixten', 16],
  ['seventen', 17],
  ['eighten', 18],
  ['nineten', 19],
])

const letters = (units: Units, from: number, to: number): string => {
  let s = ''
  for (let i = from; i < to; i++) s += String.fromCodePoint(units.c0[i]!)
  return s
}

/** Finds age expressions in normalized units. Cost: linear in the number of units. Never throws. */
export const findAgeExpressions = (units: Units): AgeExpression[] => {
  const out: AgeExpression[] = []
  const n = units.length
  const { flags, raw, run } = units
  // word starts
  const starts: number[] = []
  for (let i = 0; i < n; i++) if (i === 0 || flags[i]! & UNIT_BOUNDARY) starts.push(i)
  starts.push(n)
  for (let w = 0; w + 1 < starts.length; w++) {
    const ts = starts[w]!
    const te = starts[w + 1]!
    // the number: leading digits, or a number word that is the whole word
    let age = -1
    let rest = ts
    if (flags[ts]! & UNIT_DIGIT) {
      let digits = ''
      while (rest < te && flags[rest]! & UNIT_DIGIT) {
        digits += String.fromCodePoint(raw[rest]!).repeat(run[rest]!)
        rest++
      }
      if (digits.length <= 2) age = Number(digits)
    } else {
      const word = NUMBER_WORDS.get(letters(units, ts, te))
      if (word !== undefined) {
        age = word
        rest = te
      }
    }
    if (age < 0) continue
    // the age word: the rest of this word, then up to two more words run together
    let text = letters(units, rest, te)
    let end = -1
    if (text !== '' && AGE_WORDS.has(text)) end = te
    for (let k = 1; k <= 3 && w + k + 1 < starts.length; k++) {
      const a = starts[w + k]!
      const b = starts[w + k + 1]!
      if (flags[a]! & UNIT_DIGIT) break
      text += letters(units, a, b)
      if (AGE_WORDS.has(text)) end = b
    }
    if (end > 0) out.push({ age, start: units.start[ts]!, end: units.end[end - 1]! })
  }
  return out
}
