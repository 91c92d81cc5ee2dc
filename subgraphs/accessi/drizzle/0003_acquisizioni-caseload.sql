ALTER TABLE "accessi"."accesso" ADD COLUMN "flusso" varchar(50);--> statement-breakpoint
ALTER TABLE "accessi"."accesso" ADD COLUMN "record" integer;--> statement-breakpoint
ALTER TABLE "accessi"."accesso" ADD COLUMN "fuori_territorio" boolean;--> statement-breakpoint
CREATE INDEX "accesso_acquisizione" ON "accessi"."accesso" USING btree ("ente","soggetto_id") WHERE 'acquisizioneCaseload' = any("accessi"."accesso"."campi");--> statement-breakpoint
CREATE INDEX "accesso_acquisizione_fuori" ON "accessi"."accesso" USING btree ("seq") WHERE 'acquisizioneCaseload' = any("accessi"."accesso"."campi") and "accessi"."accesso"."fuori_territorio";