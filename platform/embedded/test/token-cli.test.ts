import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { authConfigFromEnv, createTokenVerifier } from '@casellario/policies';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** The documented command, as an operator types it. */
async function token(...args: string[]) {
  return run('pnpm', ['--silent', 'run', 'token', ...args], { cwd: root });
}

describe('dev token command', () => {
  it('prints exactly one ES256 JWT that the platform accepts, with the claims asked for', async () => {
    const { stdout, stderr } = await token('--ruolo', 'programmazione', '--ente', 'R12', '--territorio', '12', '--sub', 'op-4711');
    expect(stderr).toBe('');
    const jwt = stdout.trim();
    expect(stdout).toBe(`${jwt}\n`);
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    const viewer = await createTokenVerifier(await authConfigFromEnv({}))(`Bearer ${jwt}`);
    expect(viewer).toEqual({ sub: 'op-4711', ruolo: 'programmazione', ente: 'R12', territorio: { livello: 'regione', codiceRegione: '12' }, riferimento: null });
  });

  it('refuses an unknown purpose and a programmazione token without territory, saying why', async () => {
    await expect(token('--ruolo', 'admin', '--ente', 'H501')).rejects.toMatchObject({ stderr: expect.stringContaining('--ruolo è obbligatorio') });
    await expect(token('--ruolo', 'programmazione', '--ente', 'R12')).rejects.toMatchObject({
      stderr: expect.stringContaining('richiede --territorio'),
    });
  });

  it('refuses to mint what the platform refuses: a programmazione token for the whole country, a lifetime over the maximum', async () => {
    await expect(token('--ruolo', 'programmazione', '--ente', 'R12', '--territorio', 'IT')).rejects.toMatchObject({
      stderr: expect.stringContaining('di una regione o di un comune, non IT'),
    });
    await expect(token('--ruolo', 'gestione', '--ente', 'H501', '--ttl', '3601')).rejects.toMatchObject({
      stderr: expect.stringContaining('--ttl supera la durata massima dei token (3600 s, TOKEN_DURATA_MASSIMA_S)'),
    });
  });

  it('mints by default a token of the maximum lifetime, which the platform accepts', async () => {
    const { stdout } = await token('--ruolo', 'gestione', '--ente', 'H501');
    const claims = decodeJwt(stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(3600);
    await expect(createTokenVerifier(await authConfigFromEnv({}))(`Bearer ${stdout.trim()}`)).resolves.toMatchObject({ ente: 'H501' });
  });
});
