CREATE TABLE "anagrafe"."dichiarazione" (
	"persona_id" uuid NOT NULL,
	"ente" varchar(32),
	"flusso" varchar(50),
	"record" integer,
	"ricevuto_il" timestamp with time zone,
	"versione" bigint DEFAULT 0 NOT NULL,
	"cognome" varchar(36) NOT NULL,
	"nome" varchar(36) NOT NULL,
	"anno_nascita" smallint NOT NULL,
	"luogo_nascita" char(4) NOT NULL,
	"genere" char(1) NOT NULL,
	"codice_cittadinanza" char(3) NOT NULL,
	"codice_seconda_cittadinanza" char(3),
	"indirizzi" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "dichiarazione_persona_ente" UNIQUE NULLS NOT DISTINCT("persona_id","ente")
);
--> statement-breakpoint
ALTER TABLE "anagrafe"."persona" ADD COLUMN "ente_titolare" varchar(32);--> statement-breakpoint
ALTER TABLE "anagrafe"."dichiarazione" ADD CONSTRAINT "dichiarazione_persona_id_persona_id_fk" FOREIGN KEY ("persona_id") REFERENCES "anagrafe"."persona"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Persons stored before claims were kept: who delivered them is not known. Each gets one
-- claim of unknown provenance (ente, flow, record and date null) carrying exactly what is
-- shown today, and no titolare (ente_titolare null): that claim stays the one shown, and a
-- later record of any ente is that ente's own claim beside it, never a rewrite.
INSERT INTO "anagrafe"."dichiarazione" ("persona_id", "ente", "flusso", "record", "ricevuto_il", "versione", "cognome", "nome", "anno_nascita", "luogo_nascita", "genere", "codice_cittadinanza", "codice_seconda_cittadinanza", "indirizzi")
SELECT p."id", NULL, NULL, NULL, NULL, p."versione", p."cognome", p."nome", p."anno_nascita", p."luogo_nascita", p."genere", p."codice_cittadinanza", p."codice_seconda_cittadinanza",
  coalesce((SELECT jsonb_agg(jsonb_build_object('codiceRegione', i."codice_regione", 'codiceComune', i."codice_comune", 'codiceNazione', i."codice_nazione") ORDER BY i."ordine")
            FROM "anagrafe"."indirizzo" i WHERE i."persona_id" = p."id"), '[]'::jsonb)
FROM "anagrafe"."persona" p;
