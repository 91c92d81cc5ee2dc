/**
 * Writes a synthetic data set as JSON, for inspection:
 *
 *   pnpm --filter @casellario/demo-data generate --persone 1000 --seed 7 --out /tmp/demo.json
 *   tsx platform/demo-data/src/cli.ts --persone 1000 --seed 7 --out /tmp/demo.json
 *
 * The file has the shape of `DemoDataset`. It is written component by
 * component from the stream through temporary files, so even a million persons
 * never sit in memory (nor in one JavaScript string, which has a size limit).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { streamDataset } from './stream';
import type { DemoDataset } from './types';

const COMPONENTS = ['persone', 'prestazioni', 'valutazioniSina', 'casiSinba', 'dsu', 'casiSip', 'anomalie'] as const;
type Component = (typeof COMPONENTS)[number];

export interface CliResult {
  out: string;
  counts: Record<Component, number>;
  seconds: number;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * Parses `--persone N --seed S --out file.json [--chunk C]` and writes the data
 * set; returns what it wrote. Throws on missing or malformed options.
 */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      persone: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      chunk: { type: 'string', default: '10000' },
    },
    strict: true,
  });
  const persone = Number(values.persone);
  const seed = Number(values.seed);
  const chunkSize = Number(values.chunk);
  if (!values.out) throw new Error('--out file.json is required');
  if (!Number.isInteger(persone) || persone < 0) throw new Error('--persone must be a non-negative integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error('--chunk must be a positive integer');

  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'demo-data-'));
  try {
    const parts = Object.fromEntries(COMPONENTS.map((c) => [c, createWriteStream(join(dir, `${c}.json`))])) as Record<Component, WriteStream>;
    const counts = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as Record<Component, number>;
    let head: Pick<DemoDataset, 'enti' | 'showcase'> | undefined;
    for (const chunk of streamDataset({ persone, seed, chunkSize })) {
      if (chunk.index === 0) head = { enti: chunk.enti, showcase: chunk.showcase };
      for (const c of COMPONENTS) {
        const items: readonly unknown[] = chunk[c];
        if (items.length === 0) continue;
        const text = items.map((item, i) => (counts[c] + i === 0 ? '\n' : ',\n') + JSON.stringify(item)).join('');
        counts[c] += items.length;
        await write(parts[c], text);
      }
    }
    await Promise.all(COMPONENTS.map((c) => close(parts[c])));

    const out = createWriteStream(values.out);
    await write(out, `{\n"showcase": ${JSON.stringify(head?.showcase)},\n"enti": ${JSON.stringify(head?.enti ?? [])}`);
    for (const c of COMPONENTS) {
      await write(out, `,\n"${c}": [`);
      for await (const piece of createReadStream(join(dir, `${c}.json`), 'utf8')) await write(out, piece as string);
      await write(out, '\n]');
    }
    await write(out, '\n}\n');
    await close(out);
    return { out: values.out, counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCli(process.argv.slice(2)).then(
    (r) => {
      const summary = Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ');
      console.log(`wrote ${r.out} in ${r.seconds.toFixed(1)} s: ${summary}`);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      console.error('usage: tsx src/cli.ts --persone N [--seed S] --out file.json [--chunk C]');
      process.exit(1);
    },
  );
}
