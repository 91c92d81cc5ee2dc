ALTER TABLE "prestazioni_agevolate"."aggregato_stato" ADD COLUMN "versione" bigint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "prestazioni_agevolate"."aggregato_stato" ADD COLUMN "versione_cubo" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "prestazioni_agevolate"."aggregato_stato" DROP COLUMN "modificato";