import { useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { Avviso } from '../../components/avviso';
import { formatIntero } from '../../format';
import { EsitiFlusso } from './esiti-flusso';
import { INVIA_FLUSSO, STATO_FLUSSO, type Flusso } from './queries';
import { rilevaTipoFlusso, TIPI_FLUSSO, type TipoFlusso } from './tipo-flusso';

type Fase = 'pronto' | 'invio' | 'consegna' | 'fatto' | 'errore';

interface Invio {
  id: number;
  file: string;
  contenuto: string;
  tipo: TipoFlusso | null;
  fase: Fase;
  /** Upload progress, 0..1. */
  caricato: number;
  flusso?: Flusso;
  errore?: string;
}

const NOMI_FASE: Record<Fase, string> = {
  pronto: 'Pronto per l’invio',
  invio: 'Invio in corso',
  consegna: 'Ricevuto: consegna alle componenti in corso',
  fatto: 'Ricevuto e consegnato',
  errore: 'Non ricevuto',
};

const ATTESA_CONSEGNA_MS = 60_000;

/**
 * An ente's operator sends flows: files are picked or dropped, their type read
 * from their content (the operator may change it), then sent one at a time —
 * a flow is validated and stored whole before the answer, so parallel sends
 * only queue on the server — with the upload's progress and then the delivery's.
 */
export function InvioFlussi({ api }: { api: ApiClient }) {
  const [invii, setInvii] = useState<Invio[]>([]);
  const [sopra, setSopra] = useState(false);
  const [inCorso, setInCorso] = useState(false);
  const [scelto, setScelto] = useState<string | null>(null);
  const prossimoId = useRef(1);
  const input = useRef<HTMLInputElement>(null);

  const aggiorna = (id: number, modifica: Partial<Invio>) => setInvii((lista) => lista.map((i) => (i.id === id ? { ...i, ...modifica } : i)));

  const aggiungi = async (files: FileList | null) => {
    if (!files) return;
    const nuovi = await Promise.all(
      Array.from(files).map(async (file) => {
        const contenuto = await file.text();
        return { id: prossimoId.current++, file: file.name, contenuto, tipo: rilevaTipoFlusso(contenuto), fase: 'pronto' as Fase, caricato: 0 };
      }),
    );
    setInvii((lista) => [...lista, ...nuovi]);
    if (input.current) input.current.value = '';
  };

  const inviaUno = async (invio: Invio) => {
    aggiorna(invio.id, { fase: 'invio', caricato: 0 });
    try {
      const { data } = await api.upload<{ inviaFlusso: Flusso }>(INVIA_FLUSSO, { tipo: invio.tipo, contenuto: invio.contenuto }, (caricato) => aggiorna(invio.id, { caricato }));
      let flusso = data.inviaFlusso;
      aggiorna(invio.id, { fase: flusso.consegna.completata ? 'fatto' : 'consegna', caricato: 1, flusso });
      const limite = Date.now() + ATTESA_CONSEGNA_MS;
      while (!flusso.consegna.completata && Date.now() < limite) {
        await new Promise((r) => setTimeout(r, 500));
        const stato = await api.request<{ flusso: Flusso | null }>(STATO_FLUSSO, { nome: flusso.nome });
        if (stato.data.flusso) flusso = stato.data.flusso;
        aggiorna(invio.id, { flusso, fase: flusso.consegna.completata ? 'fatto' : 'consegna' });
      }
      setScelto((attuale) => attuale ?? flusso.nome);
    } catch (error) {
      aggiorna(invio.id, { fase: 'errore', errore: (error as Error).message });
    }
  };

  const inviaTutti = async () => {
    setInCorso(true);
    for (const invio of invii.filter((i) => i.fase === 'pronto' && i.tipo)) await inviaUno(invio);
    setInCorso(false);
  };

  const pronti = invii.filter((i) => i.fase === 'pronto');
  const senzaTipo = pronti.some((i) => !i.tipo);

  return (
    <section aria-labelledby="titolo-flussi">
      <h1 id="titolo-flussi">Invio flussi</h1>
      <div
        class={`zona-rilascio${sopra ? ' sopra' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setSopra(true);
        }}
        onDragLeave={() => setSopra(false)}
        onDrop={(e) => {
          e.preventDefault();
          setSopra(false);
          void aggiungi(e.dataTransfer?.files ?? null);
        }}
      >
        <p>Trascinare qui i file XML dei flussi (PS/PSA/SINA, SINBA, SIP), oppure sceglierli:</p>
        {/* The native input stays the control (keyboard, screen readers); its label is the visible
            button, so the text is Italian whatever language the browser's own controls speak. */}
        <input
          id="file-flussi"
          class="file-nascosto"
          ref={input}
          type="file"
          accept=".xml,application/xml,text/xml"
          multiple
          onChange={(e) => void aggiungi(e.currentTarget.files)}
        />
        <label for="file-flussi" class="pulsante-file">
          Scegli i file dei flussi
        </label>
      </div>

      {invii.length > 0 && (
        <>
          <h2>Flussi scelti</h2>
          <ul class="invii">
            {invii.map((invio) => (
              <li key={invio.id} class={`invio fase-${invio.fase}`}>
                <div class="invio-testa">
                  <strong>{invio.file}</strong>
                  <span class="fase">{NOMI_FASE[invio.fase]}</span>
                </div>
                {invio.fase === 'pronto' && (
                  <div class="campo-riga">
                    <label for={`tipo-${invio.id}`}>Tipo di flusso</label>
                    <select id={`tipo-${invio.id}`} value={invio.tipo ?? ''} onChange={(e) => aggiorna(invio.id, { tipo: (e.currentTarget.value || null) as TipoFlusso | null })}>
                      <option value="">— scegliere —</option>
                      {TIPI_FLUSSO.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </select>
                    <button type="button" class="secondario" onClick={() => setInvii((l) => l.filter((i) => i.id !== invio.id))}>
                      Togli {invio.file}
                    </button>
                  </div>
                )}
                {(invio.fase === 'invio' || invio.fase === 'consegna') && <Avanzamento invio={invio} />}
                {invio.flusso && <Riepilogo flusso={invio.flusso} onEsiti={() => setScelto(invio.flusso!.nome)} />}
                {invio.errore && <Avviso tipo="errore">{invio.errore}</Avviso>}
              </li>
            ))}
          </ul>
          {pronti.length > 0 && (
            <>
              {senzaTipo && <p class="aiuto">Scegliere il tipo dei flussi che non lo dichiarano.</p>}
              <button type="button" onClick={() => void inviaTutti()} disabled={inCorso || senzaTipo}>
                {pronti.length === 1 ? 'Invia il flusso' : `Invia ${pronti.length} flussi`}
              </button>
            </>
          )}
        </>
      )}

      {scelto && <EsitiFlusso key={scelto} api={api} nome={scelto} />}
    </section>
  );
}

function Avanzamento({ invio }: { invio: Invio }) {
  if (invio.fase === 'invio') {
    const percento = Math.round(invio.caricato * 100);
    return (
      <p class="avanzamento">
        <label for={`progresso-${invio.id}`}>Caricamento di {invio.file}</label>
        <progress id={`progresso-${invio.id}`} max={100} value={percento}>
          {percento}%
        </progress>
        {/* The answer comes once the whole flow is validated and stored: say so, or a full bar looks stuck. */}
        <span>{percento < 100 ? `${percento}%` : 'Caricato: verifica e registrazione del flusso in corso…'}</span>
      </p>
    );
  }
  const c = invio.flusso?.consegna;
  const totale = c ? c.consegnati + c.daConsegnare : 0;
  return (
    <p class="avanzamento">
      <label for={`consegna-${invio.id}`}>Consegna dei record accettati di {invio.file}</label>
      <progress id={`consegna-${invio.id}`} max={totale || 1} value={c?.consegnati ?? 0} />
      <span>
        {formatIntero(c?.consegnati ?? 0)} di {formatIntero(totale)}
      </span>
    </p>
  );
}

function Riepilogo({ flusso, onEsiti }: { flusso: Flusso; onEsiti: () => void }) {
  const r = flusso.riepilogo;
  return (
    <div class="riepilogo">
      <p>
        Flusso <strong>{flusso.nome}</strong> ({flusso.tipo}){flusso.giaRicevuto ? ' — già ricevuto in precedenza: esito originale' : ''}
      </p>
      <dl class="conteggi">
        <div>
          <dt>Record</dt>
          <dd>{formatIntero(r.record)}</dd>
        </div>
        <div>
          <dt>Accettati</dt>
          <dd>{formatIntero(r.accettati)}</dd>
        </div>
        <div>
          <dt>Con avvisi</dt>
          <dd>{formatIntero(r.accettatiConAvvisi)}</dd>
        </div>
        <div>
          <dt>Rifiutati</dt>
          <dd>{formatIntero(r.rifiutati)}</dd>
        </div>
      </dl>
      {flusso.consegna.ultimoErrore && <Avviso tipo="errore">Consegna: {flusso.consegna.ultimoErrore}</Avviso>}
      <button type="button" class="secondario" onClick={onEsiti}>
        Esiti di {flusso.nome}
      </button>
    </div>
  );
}
