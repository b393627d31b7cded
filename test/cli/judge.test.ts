import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'bin', 'search-deterrence.js')
const dir = mkdtempSync(join(tmpdir(), 'sd-cli-'))

const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root })

describe('search-deterrence judge', () => {
  it('writes one JSON line per input line, with term ids and offsets into the line as read', () => {
    const list = join(dir, 'list.txt')
    writeFileSync(list, '# placeholder terms\npurple elephant\ncart\n')
    const input = `${['watch p.u.r.p.l.e elephant', '', 'cartoon', 'ＣＡＲＴ'].join('\n')}\n`
    const r = run(['judge', '--list', list, '--lexicon', 'none'], input)
    expect(r.status).toBe(0)
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toEqual([
      { action: 'deter', hits: [{ term: 'purple elephant', start: 6, end: 26 }] },
      { action: 'allow', hits: [] },
      // without a lexicon, an occurrence inside a word counts (compound mode)
      { action: 'deter', hits: [{ term: 'cart', start: 0, end: 4 }] },
      { action: 'deter', hits: [{ term: 'cart', start: 0, end: 4 }] },
    ])
  })

  it('judges a YAML list and reports support intents', () => {
    const list = join(dir, 'list.yaml')
    writeFileSync(
      list,
      'list: t\nterms:\n  - { id: t1, term: purple }\n  - { id: h1, term: help me stop, action: support }\n',
    )
    const r = run(['judge', '--list', list, '--lexicon', 'none'], 'help me stop purple\n')
    expect(JSON.parse(r.stdout)).toEqual({
      action: 'support',
      hits: [{ term: 'h1', start: 0, end: 12 }],
    })
  })

  it('exits 2 with file:line and without the term text on a bad list', () => {
    const list = join(dir, 'bad.yaml')
    writeFileSync(list, 'list: t\nterms:\n  - { id: t1, term: secretterm, match: wrod }\n')
    const r = run(['judge', '--list', list, '--lexicon', 'none'], 'x\n')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('bad.yaml:3')
    expect(r.stderr).not.toContain('secretterm')
  })

  it('lints a list and exits 1 on errors', () => {
    const list = join(dir, 'lint.yaml')
    writeFileSync(
      list,
      'list: t\nterms:\n  - { id: a, term: purple }\n  - { id: a, term: mauve }\nclasses:\n  unused:\n    - { id: c, term: teal }\n',
    )
    const r = run(['lint', '--list', list, '--lexicon', 'none'], '')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('lint.yaml:4: error: duplicate id "a"')
    expect(r.stdout).toContain('lint.yaml:6: warning: class "unused" is used by no rule')
  })

  it("reads the operator's own ordinary words (--words), and sees a change of the file through the cache", () => {
    const list = join(dir, 'words-list.txt')
    writeFileSync(list, 'kettle\n')
    const words = join(dir, 'brands.txt')
    const cache = mkdtempSync(join(tmpdir(), 'sd-cli-cache-'))
    const input = 'Zorbkettle deals\nzorb kettle\nkettle\n'
    const actions = (out: string) =>
      out
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { action: string }).action)
    const judgeWith = (extra: string[]) =>
      run(['judge', '--list', list, '--lexicon', 'none', '--cache', cache, ...extra], input)
    // without the word list, the term inside the unknown brand name counts (compound mode)
    expect(actions(judgeWith([]).stdout)).toEqual(['deter', 'deter', 'deter'])
    // a listed word cancels the term inside it; a word that is the term itself never does
    writeFileSync(words, '# catalogue brands\nZorbkettle\nkettle\n')
    const r = judgeWith(['--words', words])
    expect(r.status).toBe(0)
    expect(actions(r.stdout)).toEqual(['allow', 'deter', 'deter'])
    // the same cache folder, another file content: the cached exception words are not reused
    writeFileSync(words, 'Zorbkettles\n')
    expect(actions(judgeWith(['--words', words]).stdout)).toEqual(['deter', 'deter', 'deter'])
  })

  it('exits 2 without a stack trace when a file cannot be read', () => {
    const missing = join(dir, 'missing.txt')
    const list = join(dir, 'readable.txt')
    writeFileSync(list, 'kettle\n')
    for (const args of [
      ['lint', '--list', missing],
      ['judge', '--list', list, '--lexicon', 'none', '--words', missing],
    ]) {
      const r = run(args, '')
      expect(r.status).toBe(2)
      expect(r.stderr).toContain('cannot read')
      expect(r.stderr).not.toContain('    at ')
    }
  })
})
