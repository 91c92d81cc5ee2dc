CREATE TABLE "flussi"."fonte_pull" (
	"ente_codice" varchar(32) PRIMARY KEY NOT NULL,
	"base_url" text NOT NULL,
	"token_env" varchar(128),
	"token_file" text,
	"since_ms" bigint DEFAULT 0 NOT NULL,
	"attiva" boolean DEFAULT true NOT NULL,
	"ultimo_esito" text,
	"errori_consecutivi" integer DEFAULT 0 NOT NULL,
	"aggiornato_il" timestamp with time zone DEFAULT now() NOT NULL,
	"in_carico_fino" timestamp with time zone,
	"proprietario" varchar(64),
	CONSTRAINT "fonte_pull_token" CHECK ("flussi"."fonte_pull"."token_env" is null or "flussi"."fonte_pull"."token_file" is null),
	CONSTRAINT "fonte_pull_since" CHECK ("flussi"."fonte_pull"."since_ms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "flussi"."notifica_esito" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ente" varchar(32) NOT NULL,
	"id_flusso" text NOT NULL,
	"ts_flusso_ms" bigint NOT NULL,
	"codice_esito" varchar(20) NOT NULL,
	"body" jsonb NOT NULL,
	"creato_il" timestamp with time zone DEFAULT now() NOT NULL,
	"tentativi" integer DEFAULT 0 NOT NULL,
	"prossimo_tentativo" timestamp with time zone DEFAULT now() NOT NULL,
	"ultimo_errore" text,
	"inviato_il" timestamp with time zone,
	CONSTRAINT "notifica_esito_voce" UNIQUE("ente","id_flusso","ts_flusso_ms","codice_esito"),
	CONSTRAINT "notifica_esito_codice" CHECK ("flussi"."notifica_esito"."codice_esito" in ('OK', 'DATI_NON_TROVATI', 'RICHIESTA_INVALIDA', 'ERRORE_GENERICO'))
);
--> statement-breakpoint
CREATE INDEX "notifica_esito_da_inviare" ON "flussi"."notifica_esito" USING btree ("ente","id") WHERE "flussi"."notifica_esito"."inviato_il" is null;