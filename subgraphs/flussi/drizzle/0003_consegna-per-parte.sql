CREATE TABLE "flussi"."consegna_parte" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flusso_id" uuid NOT NULL,
	"destinazione" varchar(32) NOT NULL,
	"numeri" integer[] NOT NULL,
	"consegnati" integer DEFAULT 0 NOT NULL,
	"consegnato_il" timestamp with time zone,
	CONSTRAINT "consegna_parte_destinazione" UNIQUE("flusso_id","destinazione"),
	CONSTRAINT "consegna_parte_cursore" CHECK ("flussi"."consegna_parte"."consegnati" between 0 and cardinality("flussi"."consegna_parte"."numeri"))
);
--> statement-breakpoint
-- Records still on their way move to the new queue: one row per part and destination, in arrival order.
INSERT INTO "flussi"."consegna_parte" ("flusso_id", "destinazione", "numeri")
SELECT "flusso_id", d, array_agg("numero" ORDER BY "id")
FROM "flussi"."consegna", unnest("destinazioni") AS d
GROUP BY "flusso_id", d
ORDER BY min("id");--> statement-breakpoint
DROP TABLE "flussi"."consegna" CASCADE;--> statement-breakpoint
ALTER TABLE "flussi"."consegna_parte" ADD CONSTRAINT "consegna_parte_flusso_id_flusso_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "flussi"."flusso"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consegna_parte_da_fare" ON "flussi"."consegna_parte" USING btree ("destinazione","id") WHERE "flussi"."consegna_parte"."consegnato_il" is null;