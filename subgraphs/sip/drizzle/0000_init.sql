CREATE SCHEMA "sip";
--> statement-breakpoint
CREATE TABLE "sip"."analisi_preliminare" (
	"caso_id" uuid PRIMARY KEY NOT NULL,
	"data" date NOT NULL,
	"esito" varchar(40) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip"."caso_sip" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ente_codice" varchar(32) NOT NULL,
	"protocollo_caso" varchar(64) NOT NULL,
	"codice_comune" char(6) NOT NULL,
	"codice_regione" char(2) NOT NULL,
	"misura" varchar(3) NOT NULL,
	"data_domanda" date NOT NULL,
	"data_patto_digitale" date,
	"data_chiusura" date,
	"stato" varchar(20) NOT NULL,
	"annullata" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "caso_sip_ente_protocollo" UNIQUE("ente_codice","protocollo_caso"),
	CONSTRAINT "caso_sip_misura" CHECK ("sip"."caso_sip"."misura" in ('ADI', 'SFL', 'RDC', 'REI')),
	CONSTRAINT "caso_sip_stato" CHECK ("sip"."caso_sip"."stato" in ('ASSEGNATO', 'ANALISI_PRELIMINARE', 'QUADRO_ANALISI', 'PROGETTO', 'MONITORAGGIO', 'CHIUSO')),
	CONSTRAINT "caso_sip_chiusura" CHECK ("sip"."caso_sip"."data_chiusura" is null or "sip"."caso_sip"."data_chiusura" >= "sip"."caso_sip"."data_domanda")
);
--> statement-breakpoint
CREATE TABLE "sip"."componente_nucleo" (
	"caso_id" uuid NOT NULL,
	"persona_id" uuid NOT NULL,
	"ordine" smallint NOT NULL,
	"ruolo" varchar(12) NOT NULL,
	"attivabile_lavoro" boolean NOT NULL,
	CONSTRAINT "componente_nucleo_caso_id_persona_id_pk" PRIMARY KEY("caso_id","persona_id"),
	CONSTRAINT "componente_nucleo_ruolo" CHECK ("sip"."componente_nucleo"."ruolo" in ('RICHIEDENTE', 'CONIUGE', 'FIGLIO', 'ALTRO'))
);
--> statement-breakpoint
CREATE TABLE "sip"."esito_analisi_preliminare" (
	"codice" varchar(40) PRIMARY KEY NOT NULL,
	"descrizione" varchar(200) NOT NULL,
	"prevede_progetto" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip"."impegno" (
	"caso_id" uuid NOT NULL,
	"ordine" smallint NOT NULL,
	"persona_id" uuid NOT NULL,
	"descrizione" text NOT NULL,
	"scadenza" date NOT NULL,
	"stato" varchar(14) NOT NULL,
	CONSTRAINT "impegno_caso_id_ordine_pk" PRIMARY KEY("caso_id","ordine"),
	CONSTRAINT "impegno_stato" CHECK ("sip"."impegno"."stato" in ('IN_CORSO', 'RISPETTATO', 'NON_RISPETTATO'))
);
--> statement-breakpoint
CREATE TABLE "sip"."incontro" (
	"caso_id" uuid NOT NULL,
	"ordine" smallint NOT NULL,
	"data" date NOT NULL,
	"esito" varchar(24) NOT NULL,
	CONSTRAINT "incontro_caso_id_ordine_pk" PRIMARY KEY("caso_id","ordine"),
	CONSTRAINT "incontro_esito" CHECK ("sip"."incontro"."esito" in ('SVOLTO', 'ASSENZA_GIUSTIFICATA', 'ASSENZA_INGIUSTIFICATA'))
);
--> statement-breakpoint
CREATE TABLE "sip"."progetto" (
	"caso_id" uuid PRIMARY KEY NOT NULL,
	"tipo" varchar(24) NOT NULL,
	"data_sottoscrizione" date NOT NULL,
	"obiettivi" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "progetto_tipo" CHECK ("sip"."progetto"."tipo" in ('PATTO_SEMPLIFICATO', 'PROGETTO_PERSONALIZZATO'))
);
--> statement-breakpoint
CREATE TABLE "sip"."progetto_sostegno" (
	"caso_id" uuid NOT NULL,
	"codice" varchar(40) NOT NULL,
	"ordine" smallint NOT NULL,
	CONSTRAINT "progetto_sostegno_caso_id_codice_pk" PRIMARY KEY("caso_id","codice")
);
--> statement-breakpoint
CREATE TABLE "sip"."quadro_analisi" (
	"caso_id" uuid PRIMARY KEY NOT NULL,
	"data" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip"."quadro_analisi_dimensione" (
	"caso_id" uuid NOT NULL,
	"dimensione" varchar(30) NOT NULL,
	"risorse" smallint NOT NULL,
	"vulnerabilita" smallint NOT NULL,
	"fattori_sostegno" smallint NOT NULL,
	CONSTRAINT "quadro_analisi_dimensione_caso_id_dimensione_pk" PRIMARY KEY("caso_id","dimensione"),
	CONSTRAINT "quadro_analisi_dimensione_dimensione" CHECK ("sip"."quadro_analisi_dimensione"."dimensione" in ('FUNZIONAMENTO_PERSONALE', 'SITUAZIONE_ECONOMICA', 'SITUAZIONE_LAVORATIVA', 'EDUCAZIONE_FORMAZIONE', 'CONDIZIONE_ABITATIVA', 'RETI_FAMILIARI_SOCIALI')),
	CONSTRAINT "quadro_analisi_dimensione_livelli" CHECK ("sip"."quadro_analisi_dimensione"."risorse" between 1 and 3 and "sip"."quadro_analisi_dimensione"."vulnerabilita" between 1 and 3 and "sip"."quadro_analisi_dimensione"."fattori_sostegno" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "sip"."quadro_analisi_equipe" (
	"caso_id" uuid NOT NULL,
	"figura" varchar(20) NOT NULL,
	CONSTRAINT "quadro_analisi_equipe_caso_id_figura_pk" PRIMARY KEY("caso_id","figura"),
	CONSTRAINT "quadro_analisi_equipe_figura" CHECK ("sip"."quadro_analisi_equipe"."figura" in ('SERVIZIO_SOCIALE', 'CPI', 'FORMAZIONE', 'ABITARE', 'SANITA', 'ISTRUZIONE'))
);
--> statement-breakpoint
CREATE TABLE "sip"."sostegno" (
	"codice" varchar(40) PRIMARY KEY NOT NULL,
	"descrizione" varchar(200) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sip"."analisi_preliminare" ADD CONSTRAINT "analisi_preliminare_caso_id_caso_sip_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."caso_sip"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."analisi_preliminare" ADD CONSTRAINT "analisi_preliminare_esito_esito_analisi_preliminare_codice_fk" FOREIGN KEY ("esito") REFERENCES "sip"."esito_analisi_preliminare"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."componente_nucleo" ADD CONSTRAINT "componente_nucleo_caso_id_caso_sip_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."caso_sip"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."impegno" ADD CONSTRAINT "impegno_caso_id_progetto_caso_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."progetto"("caso_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."impegno" ADD CONSTRAINT "impegno_componente_fk" FOREIGN KEY ("caso_id","persona_id") REFERENCES "sip"."componente_nucleo"("caso_id","persona_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."incontro" ADD CONSTRAINT "incontro_caso_id_progetto_caso_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."progetto"("caso_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."progetto" ADD CONSTRAINT "progetto_caso_id_caso_sip_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."caso_sip"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."progetto_sostegno" ADD CONSTRAINT "progetto_sostegno_caso_id_progetto_caso_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."progetto"("caso_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."progetto_sostegno" ADD CONSTRAINT "progetto_sostegno_codice_sostegno_codice_fk" FOREIGN KEY ("codice") REFERENCES "sip"."sostegno"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."quadro_analisi" ADD CONSTRAINT "quadro_analisi_caso_id_caso_sip_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."caso_sip"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."quadro_analisi_dimensione" ADD CONSTRAINT "quadro_analisi_dimensione_caso_id_quadro_analisi_caso_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."quadro_analisi"("caso_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip"."quadro_analisi_equipe" ADD CONSTRAINT "quadro_analisi_equipe_caso_id_quadro_analisi_caso_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sip"."quadro_analisi"("caso_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caso_sip_ente_data" ON "sip"."caso_sip" USING btree ("ente_codice","data_domanda","id") WHERE not "sip"."caso_sip"."annullata";--> statement-breakpoint
CREATE INDEX "caso_sip_regione_data" ON "sip"."caso_sip" USING btree ("codice_regione","data_domanda","id") WHERE not "sip"."caso_sip"."annullata";--> statement-breakpoint
CREATE INDEX "caso_sip_comune_data" ON "sip"."caso_sip" USING btree ("codice_comune","data_domanda","id") WHERE not "sip"."caso_sip"."annullata";--> statement-breakpoint
CREATE INDEX "caso_sip_data" ON "sip"."caso_sip" USING btree ("data_domanda","id") WHERE not "sip"."caso_sip"."annullata";--> statement-breakpoint
CREATE UNIQUE INDEX "componente_nucleo_un_richiedente" ON "sip"."componente_nucleo" USING btree ("caso_id") WHERE "sip"."componente_nucleo"."ruolo" = 'RICHIEDENTE';--> statement-breakpoint
CREATE INDEX "componente_nucleo_persona" ON "sip"."componente_nucleo" USING btree ("persona_id","caso_id");