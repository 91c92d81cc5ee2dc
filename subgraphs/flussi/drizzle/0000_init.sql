CREATE SCHEMA "flussi";
--> statement-breakpoint
CREATE TABLE "flussi"."consegna" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flusso_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"payload" "bytea",
	"destinazioni" text[] NOT NULL,
	"consegnato_il" timestamp with time zone,
	CONSTRAINT "consegna_record" UNIQUE("flusso_id","numero")
);
--> statement-breakpoint
CREATE TABLE "flussi"."destinazione" (
	"nome" varchar(32) PRIMARY KEY NOT NULL,
	"in_carico_fino" timestamp with time zone,
	"proprietario" varchar(64),
	"tentativi" integer DEFAULT 0 NOT NULL,
	"prossimo_tentativo" timestamp with time zone DEFAULT now() NOT NULL,
	"ultimo_errore" text,
	"ultima_consegna" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "flussi"."esito" (
	"flusso_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"riga" integer,
	"stato" varchar(24) NOT NULL,
	"riferimento" varchar(80) NOT NULL,
	"codice_prestazione" varchar(10),
	"protocollo_domanda" varchar(32),
	"segnalazioni" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "esito_flusso_id_numero_pk" PRIMARY KEY("flusso_id","numero"),
	CONSTRAINT "esito_stato" CHECK ("flussi"."esito"."stato" in ('ACCETTATO', 'ACCETTATO_CON_AVVISI', 'RIFIUTATO'))
);
--> statement-breakpoint
CREATE TABLE "flussi"."flusso" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nome" varchar(50) NOT NULL,
	"parte" smallint DEFAULT 1 NOT NULL,
	"parti" smallint DEFAULT 1 NOT NULL,
	"tipo" varchar(12) NOT NULL,
	"ente_codice" varchar(32) NOT NULL,
	"ente_denominazione" varchar(100),
	"mittente" varchar(64) NOT NULL,
	"origine" varchar(10) NOT NULL,
	"impronta" varchar(64) NOT NULL,
	"ricevuto_il" timestamp with time zone DEFAULT now() NOT NULL,
	"record" integer NOT NULL,
	"accettati" integer NOT NULL,
	"con_avvisi" integer NOT NULL,
	"rifiutati" integer NOT NULL,
	"avvisi" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "flusso_nome_parte" UNIQUE("nome","parte"),
	CONSTRAINT "flusso_tipo" CHECK ("flussi"."flusso"."tipo" in ('PS_PSA_SINA', 'SINBA', 'SIP')),
	CONSTRAINT "flusso_parte" CHECK ("flussi"."flusso"."parte" between 1 and "flussi"."flusso"."parti")
);
--> statement-breakpoint
CREATE TABLE "flussi"."prestazione_nota" (
	"chiave" "bytea" PRIMARY KEY NOT NULL,
	"annullata" boolean DEFAULT false NOT NULL,
	"componente" varchar(40) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "flussi"."consegna" ADD CONSTRAINT "consegna_flusso_id_flusso_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "flussi"."flusso"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi"."esito" ADD CONSTRAINT "esito_flusso_id_flusso_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "flussi"."flusso"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consegna_da_fare" ON "flussi"."consegna" USING btree ("id") WHERE cardinality("flussi"."consegna"."destinazioni") > 0;--> statement-breakpoint
CREATE INDEX "esito_stato" ON "flussi"."esito" USING btree ("flusso_id","stato","numero");--> statement-breakpoint
CREATE INDEX "flusso_ente_ricevuto" ON "flussi"."flusso" USING btree ("ente_codice","ricevuto_il","id");