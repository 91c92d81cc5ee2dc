ALTER TABLE "flussi"."prestazione_nota" ADD COLUMN "data_componente" date;--> statement-breakpoint
ALTER TABLE "flussi"."prestazione_nota" ADD COLUMN "impronta" "bytea";