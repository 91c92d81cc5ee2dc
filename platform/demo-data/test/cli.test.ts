import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';
import { generateDataset } from '../src/index';
import type { DemoDataset } from '../src/index';

describe('cli', () => {
  it('writes the same data set as generateDataset, as one JSON document', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'demo-cli-')), 'demo.json');
    const result = await runCli(['--persone', '300', '--seed', '9', '--out', out, '--chunk', '64']);
    const written = JSON.parse(readFileSync(out, 'utf8')) as DemoDataset;
    const expected = generateDataset({ seed: 9, persone: 300 });
    expect(result.counts.persone).toBe(300);
    expect(result.counts.prestazioni).toBe(expected.prestazioni.length);
    expect(written).toEqual(expected);
  });

  it('refuses a missing --out and a malformed --persone', async () => {
    await expect(runCli(['--persone', '10'])).rejects.toThrow('--out file.json is required');
    await expect(runCli(['--persone', 'dieci', '--out', '/tmp/x.json'])).rejects.toThrow('--persone must be a non-negative integer');
  });
});
