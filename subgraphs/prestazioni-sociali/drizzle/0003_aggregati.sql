CREATE TABLE "prestazioni_sociali"."aggregato" (
	"insieme" smallint NOT NULL,
	"anno" smallint,
	"mese" smallint,
	"codice_regione" char(2),
	"codice_comune" char(6),
	"codice_prestazione" varchar(10),
	"area_utenza" char(1),
	"fascia_eta" smallint,
	"genere" char(1),
	"persone" integer NOT NULL,
	"prestazioni" integer NOT NULL,
	"importo" numeric(16, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prestazioni_sociali"."aggregato_stato" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"modificato" boolean DEFAULT true NOT NULL,
	"aggiornato_al" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "prestazioni_sociali"."prestazione" ADD COLUMN "anno_nascita" smallint;--> statement-breakpoint
ALTER TABLE "prestazioni_sociali"."prestazione" ADD COLUMN "genere" char(1);--> statement-breakpoint
CREATE INDEX "aggregato_lettura" ON "prestazioni_sociali"."aggregato" USING btree ("insieme","codice_regione","codice_comune","anno");--> statement-breakpoint
ALTER TABLE "prestazioni_sociali"."prestazione" ADD CONSTRAINT "prestazione_genere" CHECK ("prestazioni_sociali"."prestazione"."genere" is null or "prestazioni_sociali"."prestazione"."genere" in ('1', '2'));--> statement-breakpoint
ALTER TABLE "prestazioni_sociali"."aggregato_stato" ADD CONSTRAINT "aggregato_stato_una_riga" CHECK ("id" = 1);--> statement-breakpoint
INSERT INTO "prestazioni_sociali"."aggregato_stato" ("id") VALUES (1);
