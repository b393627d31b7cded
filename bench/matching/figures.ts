/**
 * @module bench/matching/figures
 * The figure record every benchmark measurement becomes, and how figures are printed: one JSON object
 * per line (`--json`), or aligned human-readable lines with the ratio to the run's baseline and the
 * target verdict (PASS/MISS, informative only).
 *
 * Ratios: for a rate, `value ÷ baseline rate`; for a time, `value ÷ baseline time per query` (how many
 * baseline queries the same time would judge). Either way the ratio moves less than the absolute
 * number when the shared machine is slower or faster.
 */

/** One measured figure. */
export interface Figure {
  readonly figure: string
  /** `null` when the measurement failed (see `error`). */
  readonly value: number | null
  readonly unit: string
  /** Against the baseline measured in the same process (see the module doc). */
  readonly ratio?: number
  /** Target, e.g. `<= 1000`. */
  readonly target?: string
  readonly pass?: boolean
  readonly error?: string
  readonly note?: string
  readonly [key: string]: unknown
}

/** Rounds to `digits` significant-looking decimals without trailing noise. */
export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** A rate figure with its ratio to the baseline rate. */
export const rateFigure = (
  figure: string,
  value: number,
  baselineQps: number,
  extra: Record<string, unknown> = {},
): Figure => ({
  figure,
  value: Math.round(value),
  unit: 'queries/s',
  ratio: round(value / baselineQps, 3),
  ...extra,
})

/** A time figure (`unit` ms or ns) with its ratio to the baseline time per query. */
export const timeFigure = (
  figure: string,
  value: number,
  unit: 'ms' | 'ns',
  baselineNsPerQuery: number,
  extra: Record<string, unknown> = {},
): Figure => ({
  figure,
  value: round(value, unit === 'ms' ? 1 : 0),
  unit,
  ratio: round((unit === 'ms' ? value * 1e6 : value) / baselineNsPerQuery, 2),
  ...extra,
})

/** Adds a target verdict to a figure. */
export const withTarget = (
  f: Figure,
  op: '<=' | '>=',
  limit: number,
  shown = String(limit),
): Figure => {
  if (f.value === null) return { ...f, target: `${op} ${shown}`, pass: false }
  const pass = op === '<=' ? f.value <= limit : f.value >= limit
  return { ...f, target: `${op} ${shown}`, pass }
}

/** One figure as a JSON line. */
export const jsonLine = (f: Figure): string => `${JSON.stringify(f)}\n`

const formatValue = (f: Figure): string => {
  if (f.value === null) return 'n/a'
  if (f.unit === 'ns' && f.value >= 1000) return `${(f.value / 1000).toFixed(2)} µs`
  return `${f.value.toLocaleString('en-US')} ${f.unit}`
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 })

const formatRatio = (f: Figure): string => {
  if (f.ratio === undefined) return ''
  const r = f.ratio >= 10_000 ? compact.format(f.ratio) : f.ratio.toLocaleString('en-US')
  return f.unit === 'queries/s' ? `${r}× baseline` : `= ${r} baseline queries`
}

/** Fields shown after the value on a human line (everything but the standard ones). */
const STANDARD = new Set(['figure', 'value', 'unit', 'ratio', 'target', 'pass', 'error', 'note'])

const formatExtra = (f: Figure): string => {
  const parts = Object.entries(f)
    .filter(([k, v]) => !STANDARD.has(k) && v !== undefined)
    .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : String(v)}`)
  return parts.length > 0 ? `(${parts.join(', ')})` : ''
}

/** One figure as an aligned human-readable line (plus its note or error on the next line). */
export const humanLine = (f: Figure): string => {
  const target = f.target === undefined ? '' : `target ${f.target}: ${f.pass ? 'PASS' : 'MISS'}`
  const cells = [
    f.figure.padEnd(44),
    formatValue(f).padStart(18),
    formatRatio(f).padEnd(28),
    target.padEnd(f.target === undefined ? 0 : 24),
    formatExtra(f),
  ]
  const lines = [cells.join(' ').replace(/ +$/, '')]
  if (f.error) lines.push(`${''.padEnd(46)}! ${f.error}`)
  if (f.note) lines.push(`${''.padEnd(46)}${f.note}`)
  return `${lines.join('\n')}\n`
}
