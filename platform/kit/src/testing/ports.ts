import { createServer } from 'node:net';

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer().once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * The first of `count` consecutive free ports on 127.0.0.1: server mode takes a
 * base port and numbers its subgraphs from it, so port 0 will not do.
 */
export async function freePortRun(count: number): Promise<number> {
  for (;;) {
    const base = 20000 + Math.floor(Math.random() * 20000);
    if ((await Promise.all(Array.from({ length: count }, (_, i) => isFree(base + i)))).every(Boolean)) return base;
  }
}
