/** Asks the embedded platform (development mode only) to sign a development token. */
export async function richiediTokenSviluppo(url: string, richiesta: { ruolo: string; ente: string; territorio?: string }): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(richiesta) });
  } catch {
    throw new Error('Piattaforma non raggiungibile');
  }
  const body = (await response.json().catch(() => ({}))) as { token?: string; errore?: string };
  if (!response.ok || !body.token) throw new Error(body.errore ?? `Token non rilasciato (HTTP ${response.status})`);
  return body.token;
}
