CREATE TABLE "prestazioni_sociali"."accertamento" (
	"id" uuid PRIMARY KEY NOT NULL,
	"prestazione_id" uuid NOT NULL,
	"persona_id" uuid NOT NULL,
	"tipo_anomalia" varchar(30) NOT NULL,
	"esito" varchar(12) NOT NULL,
	"importo_da_recuperare" numeric(12, 2),
	"sanzione" numeric(12, 2),
	"note" varchar(2000),
	"operatore" varchar(64) NOT NULL,
	"ente" varchar(32) NOT NULL,
	"riferimento" varchar(64) NOT NULL,
	"request_id" varchar(64) NOT NULL,
	"istante" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accertamento_tipo" CHECK ("prestazioni_sociali"."accertamento"."tipo_anomalia" in ('ISEE_SOPRA_SOGLIA', 'DSU_ASSENTE', 'DSU_NON_VALIDA', 'DSU_ALTRA_PERSONA', 'SOVRAPPOSIZIONE_ENTI', 'IMPORTO_INCOERENTE')),
	CONSTRAINT "accertamento_esito" CHECK ("prestazioni_sociali"."accertamento"."esito" in ('CONFERMATO', 'ARCHIVIATO')),
	CONSTRAINT "accertamento_importi" CHECK (coalesce("prestazioni_sociali"."accertamento"."importo_da_recuperare", 0) >= 0 and coalesce("prestazioni_sociali"."accertamento"."sanzione", 0) >= 0),
	CONSTRAINT "accertamento_confermato" CHECK ("prestazioni_sociali"."accertamento"."esito" <> 'CONFERMATO' or "prestazioni_sociali"."accertamento"."importo_da_recuperare" is not null)
);
--> statement-breakpoint
ALTER TABLE "prestazioni_sociali"."accertamento" ADD CONSTRAINT "accertamento_prestazione_fk" FOREIGN KEY ("prestazione_id") REFERENCES "prestazioni_sociali"."prestazione"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accertamento_prestazione" ON "prestazioni_sociali"."accertamento" USING btree ("prestazione_id","istante");--> statement-breakpoint
CREATE INDEX "prestazione_periodica_persona_codice" ON "prestazioni_sociali"."prestazione" USING btree ("persona_id","codice_prestazione","data_inizio") WHERE "prestazioni_sociali"."prestazione"."carattere_prestazione" = '1' and not "prestazioni_sociali"."prestazione"."annullata";--> statement-breakpoint
CREATE INDEX "prestazione_periodica_con_totale" ON "prestazioni_sociali"."prestazione" USING btree ("data_riferimento","id") WHERE "prestazioni_sociali"."prestazione"."carattere_prestazione" = '1' and "prestazioni_sociali"."prestazione"."importo_prestazione" is not null and not "prestazioni_sociali"."prestazione"."annullata";