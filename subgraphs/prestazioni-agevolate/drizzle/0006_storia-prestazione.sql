CREATE TABLE "prestazioni_agevolate"."prestazione_storia" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "prestazioni_agevolate"."prestazione_storia_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"prestazione_id" uuid NOT NULL,
	"persona_id" uuid NOT NULL,
	"ente_codice" varchar(32) NOT NULL,
	"operazione" char(1) NOT NULL,
	"valori" jsonb NOT NULL,
	"flusso" varchar(50) NOT NULL,
	"record" integer NOT NULL,
	"ricevuto_il" timestamp with time zone NOT NULL,
	"registrato_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prestazione_storia_operazione" CHECK ("prestazioni_agevolate"."prestazione_storia"."operazione" in ('I', 'V', 'C'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "prestazione_storia_consegna" ON "prestazioni_agevolate"."prestazione_storia" USING btree ("prestazione_id","flusso","record","operazione");--> statement-breakpoint
CREATE INDEX "prestazione_storia_prestazione" ON "prestazioni_agevolate"."prestazione_storia" USING btree ("prestazione_id","ricevuto_il");