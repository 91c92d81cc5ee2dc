CREATE TABLE "flussi"."lotto_consegna" (
	"flusso_id" uuid PRIMARY KEY NOT NULL,
	"payload" "bytea",
	"svuotato_il" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "flussi"."lotto_consegna" ADD CONSTRAINT "lotto_consegna_flusso_id_flusso_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "flussi"."flusso"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi"."consegna" DROP COLUMN "payload";