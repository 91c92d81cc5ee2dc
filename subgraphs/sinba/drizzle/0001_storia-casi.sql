CREATE TABLE "sinba"."caso_sinba_storia" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sinba"."caso_sinba_storia_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"caso_id" uuid NOT NULL,
	"valori" jsonb NOT NULL,
	"sostituito_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sinba"."caso_sinba_storia" ADD CONSTRAINT "caso_sinba_storia_caso_id_caso_sinba_id_fk" FOREIGN KEY ("caso_id") REFERENCES "sinba"."caso_sinba"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caso_sinba_storia_caso" ON "sinba"."caso_sinba_storia" USING btree ("caso_id","sostituito_il");