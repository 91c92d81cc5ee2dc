CREATE SCHEMA "anagrafe";
--> statement-breakpoint
CREATE TABLE "anagrafe"."comune" (
	"codice_istat" char(6) PRIMARY KEY NOT NULL,
	"belfiore" char(4) NOT NULL,
	"nome" varchar(100) NOT NULL,
	"sigla_provincia" varchar(2) NOT NULL,
	"codice_regione" char(2) NOT NULL,
	"popolazione" integer NOT NULL,
	CONSTRAINT "comune_belfiore_unique" UNIQUE("belfiore")
);
--> statement-breakpoint
CREATE TABLE "anagrafe"."ente" (
	"codice" varchar(32) PRIMARY KEY NOT NULL,
	"denominazione" varchar(100) NOT NULL,
	"tipo" varchar(10) NOT NULL,
	"belfiore" char(4) NOT NULL,
	"codice_comune" char(6),
	"codice_regione" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anagrafe"."indirizzo" (
	"persona_id" uuid NOT NULL,
	"ordine" smallint NOT NULL,
	"codice_regione" char(2),
	"codice_comune" char(6),
	"codice_nazione" char(3) NOT NULL,
	CONSTRAINT "indirizzo_persona_id_ordine_pk" PRIMARY KEY("persona_id","ordine"),
	CONSTRAINT "indirizzo_ordine" CHECK ("anagrafe"."indirizzo"."ordine" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "anagrafe"."persona" (
	"id" uuid PRIMARY KEY NOT NULL,
	"codice_fiscale" varchar(16) NOT NULL,
	"tipo_codice_fiscale" varchar(10) NOT NULL,
	"cognome" varchar(36) NOT NULL,
	"nome" varchar(36) NOT NULL,
	"anno_nascita" smallint NOT NULL,
	"luogo_nascita" char(4) NOT NULL,
	"genere" char(1) NOT NULL,
	"codice_cittadinanza" char(3) NOT NULL,
	"codice_seconda_cittadinanza" char(3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_codiceFiscale_unique" UNIQUE("codice_fiscale"),
	CONSTRAINT "persona_tipo_cf" CHECK ("anagrafe"."persona"."tipo_codice_fiscale" in ('ORDINARIO', 'OMOCODICE', 'TEMPORANEO')),
	CONSTRAINT "persona_genere" CHECK ("anagrafe"."persona"."genere" in ('1', '2'))
);
--> statement-breakpoint
ALTER TABLE "anagrafe"."indirizzo" ADD CONSTRAINT "indirizzo_persona_id_persona_id_fk" FOREIGN KEY ("persona_id") REFERENCES "anagrafe"."persona"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comune_regione" ON "anagrafe"."comune" USING btree ("codice_regione");--> statement-breakpoint
CREATE INDEX "indirizzo_residenza_regione" ON "anagrafe"."indirizzo" USING btree ("codice_regione","persona_id") WHERE "anagrafe"."indirizzo"."ordine" = 1;--> statement-breakpoint
CREATE INDEX "indirizzo_residenza_comune" ON "anagrafe"."indirizzo" USING btree ("codice_comune","persona_id") WHERE "anagrafe"."indirizzo"."ordine" = 1;