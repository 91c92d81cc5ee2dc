CREATE SCHEMA "prestazioni_agevolate";
--> statement-breakpoint
CREATE TABLE "prestazioni_agevolate"."dsu" (
	"id" uuid PRIMARY KEY NOT NULL,
	"protocollo" varchar(30) NOT NULL,
	"anno" smallint NOT NULL,
	"data_presentazione" date NOT NULL,
	"data_scadenza" date NOT NULL,
	"dichiarante_id" uuid NOT NULL,
	"componenti_ids" uuid[] NOT NULL,
	"tipo_isee" varchar(30) NOT NULL,
	"isr" numeric(14, 2) NOT NULL,
	"isp" numeric(14, 2) NOT NULL,
	"scala_equivalenza" numeric(5, 2) NOT NULL,
	"ise" numeric(14, 2) NOT NULL,
	"isee" numeric(14, 2) NOT NULL,
	"omissioni_difformita" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dsu_protocollo_unique" UNIQUE("protocollo"),
	CONSTRAINT "dsu_tipo_isee" CHECK ("prestazioni_agevolate"."dsu"."tipo_isee" in ('ORDINARIO', 'MINORENNI', 'UNIVERSITA', 'SOCIO_SANITARIO', 'SOCIO_SANITARIO_RESIDENZE', 'DOTTORATO')),
	CONSTRAINT "dsu_scala" CHECK ("prestazioni_agevolate"."dsu"."scala_equivalenza" >= 1)
);
--> statement-breakpoint
CREATE TABLE "prestazioni_agevolate"."prestazione" (
	"id" uuid PRIMARY KEY NOT NULL,
	"persona_id" uuid NOT NULL,
	"ente_codice" varchar(32) NOT NULL,
	"tipo_operazione" char(1) DEFAULT 'I' NOT NULL,
	"presenza_prova_mezzi" char(1) NOT NULL,
	"carattere_prestazione" char(1) NOT NULL,
	"numero_protocollo_dsu" varchar(30),
	"anno_protocollo_dsu" smallint,
	"data_dsu" date,
	"codice_prestazione" varchar(10) NOT NULL,
	"denominazione_prestazione" varchar(200) NOT NULL,
	"protocollo_domanda" varchar(32) NOT NULL,
	"data_evento" date,
	"data_inizio" date,
	"data_fine" date,
	"data_erogazione" date,
	"data_riferimento" date GENERATED ALWAYS AS (coalesce(data_inizio, data_erogazione)) STORED NOT NULL,
	"importo_prestazione" numeric(12, 2),
	"periodo_erogazione" smallint,
	"importo_mensile" numeric(12, 2),
	"importo_quota_ente" numeric(12, 2),
	"importo_quota_utente" numeric(12, 2),
	"importo_quota_ssn" numeric(12, 2),
	"importo_quota_richiesta" numeric(12, 2),
	"importo_soglia_isee" numeric(12, 2),
	"ore_servizio_mensile" numeric(5, 2),
	"presa_carico" char(1) NOT NULL,
	"area_utenza" char(1),
	"codice_comune_residenza" char(6),
	"codice_regione_residenza" char(2),
	"annullata" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prestazione_tipo_operazione" CHECK ("prestazioni_agevolate"."prestazione"."tipo_operazione" in ('I', 'C')),
	CONSTRAINT "prestazione_prova_mezzi" CHECK ("prestazioni_agevolate"."prestazione"."presenza_prova_mezzi" in ('1', '3')),
	CONSTRAINT "prestazione_carattere" CHECK ("prestazioni_agevolate"."prestazione"."carattere_prestazione" in ('1', '2')),
	CONSTRAINT "prestazione_presa_carico" CHECK ("prestazioni_agevolate"."prestazione"."presa_carico" in ('1', '2')),
	CONSTRAINT "prestazione_area_utenza" CHECK ("prestazioni_agevolate"."prestazione"."area_utenza" is null or "prestazioni_agevolate"."prestazione"."area_utenza" in ('1', '2', '3')),
	CONSTRAINT "prestazione_periodo" CHECK ("prestazioni_agevolate"."prestazione"."periodo_erogazione" is null or "prestazioni_agevolate"."prestazione"."periodo_erogazione" between 1 and 12),
	CONSTRAINT "prestazione_dsu_completa" CHECK (("prestazioni_agevolate"."prestazione"."numero_protocollo_dsu" is null) = ("prestazioni_agevolate"."prestazione"."anno_protocollo_dsu" is null) and ("prestazioni_agevolate"."prestazione"."anno_protocollo_dsu" is null) = ("prestazioni_agevolate"."prestazione"."data_dsu" is null)),
	CONSTRAINT "prestazione_date" CHECK (("prestazioni_agevolate"."prestazione"."carattere_prestazione" = '1' and "prestazioni_agevolate"."prestazione"."data_inizio" is not null) or ("prestazioni_agevolate"."prestazione"."carattere_prestazione" = '2' and "prestazioni_agevolate"."prestazione"."data_erogazione" is not null)),
	CONSTRAINT "prestazione_area_se_presa_carico" CHECK ("prestazioni_agevolate"."prestazione"."presa_carico" = '2' or "prestazioni_agevolate"."prestazione"."area_utenza" is not null),
	CONSTRAINT "prestazione_annullata" CHECK ("prestazioni_agevolate"."prestazione"."tipo_operazione" <> 'C' or "prestazioni_agevolate"."prestazione"."annullata")
);
--> statement-breakpoint
CREATE INDEX "dsu_dichiarante" ON "prestazioni_agevolate"."dsu" USING btree ("dichiarante_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prestazione_chiave_naturale" ON "prestazioni_agevolate"."prestazione" USING btree ("ente_codice","persona_id","codice_prestazione","protocollo_domanda","data_riferimento");--> statement-breakpoint
CREATE INDEX "prestazione_persona" ON "prestazioni_agevolate"."prestazione" USING btree ("persona_id","data_riferimento");--> statement-breakpoint
CREATE INDEX "prestazione_elenco" ON "prestazioni_agevolate"."prestazione" USING btree ("data_riferimento","id");--> statement-breakpoint
CREATE INDEX "prestazione_elenco_regione" ON "prestazioni_agevolate"."prestazione" USING btree ("codice_regione_residenza","data_riferimento","id");--> statement-breakpoint
CREATE INDEX "prestazione_elenco_comune" ON "prestazioni_agevolate"."prestazione" USING btree ("codice_comune_residenza","data_riferimento","id");--> statement-breakpoint
CREATE INDEX "prestazione_elenco_ente" ON "prestazioni_agevolate"."prestazione" USING btree ("ente_codice","data_riferimento","id");--> statement-breakpoint
CREATE INDEX "prestazione_protocollo_dsu" ON "prestazioni_agevolate"."prestazione" USING btree ("numero_protocollo_dsu") WHERE "prestazioni_agevolate"."prestazione"."numero_protocollo_dsu" is not null;