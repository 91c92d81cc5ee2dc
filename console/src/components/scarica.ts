/** Offers a text as a file to save, built in the browser: the esito never goes through another server. */
export function scaricaFile(nomeFile: string, contenuto: string, tipo: string): void {
  const url = URL.createObjectURL(new Blob([contenuto], { type: tipo }));
  const link = document.createElement('a');
  link.href = url;
  link.download = nomeFile;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
