CREATE TABLE "flussi"."consegna_scarto" (
	"flusso_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"destinazione" varchar(32) NOT NULL,
	"motivo" text NOT NULL,
	"scartato_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consegna_scarto_flusso_id_numero_destinazione_pk" PRIMARY KEY("flusso_id","numero","destinazione")
);
--> statement-breakpoint
ALTER TABLE "flussi"."consegna_parte" ADD COLUMN "tentativi" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "flussi"."consegna_parte" ADD COLUMN "prossimo_tentativo" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "flussi"."consegna_parte" ADD COLUMN "ultimo_errore" text;--> statement-breakpoint
ALTER TABLE "flussi"."consegna_scarto" ADD CONSTRAINT "consegna_scarto_flusso_id_flusso_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "flussi"."flusso"("id") ON DELETE no action ON UPDATE no action;