CREATE TABLE "prestazioni_sociali"."caseload" (
	"persona_id" uuid NOT NULL,
	"ente_codice" varchar(32) NOT NULL,
	CONSTRAINT "caseload_persona_id_ente_codice_pk" PRIMARY KEY("persona_id","ente_codice")
);
--> statement-breakpoint
CREATE INDEX "caseload_ente" ON "prestazioni_sociali"."caseload" USING btree ("ente_codice","persona_id");