import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A copy of a subgraph's committed migrations up to (not including) the one tagged
 * `tag`, in a temporary folder of its own: what a migration test applies first, to
 * write data as the schema stood before, then apply the rest and see it carried over.
 * The caller removes the folder.
 */
export function migrationsBefore(migrationsFolder: string, tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'casellario-migrazioni-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration tagged ${tag} in ${migrationsFolder}`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
