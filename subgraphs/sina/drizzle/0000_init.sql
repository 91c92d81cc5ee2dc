CREATE SCHEMA "sina";
--> statement-breakpoint
CREATE TABLE "sina"."valutazione_sina" (
	"id" uuid PRIMARY KEY NOT NULL,
	"persona_id" uuid NOT NULL,
	"ente_codice" varchar(32) NOT NULL,
	"prestazione_id" uuid NOT NULL,
	"codice_prestazione" varchar(10) NOT NULL,
	"protocollo_domanda" varchar(32) NOT NULL,
	"data_valutazione" date NOT NULL,
	"mobilita" char(1) NOT NULL,
	"attivita_vita_quotidiana" char(1) NOT NULL,
	"disturbi_area_cognitiva" char(1),
	"disturbi_comportamentali" char(1) NOT NULL,
	"necessita_cure_sanitarie" char(1),
	"area_reddituale" char(1) NOT NULL,
	"area_supporto" char(1) NOT NULL,
	"fonte_derivazione_valutazione" char(1) NOT NULL,
	"strumento_valutazione" char(1) NOT NULL,
	"fonte_derivazione_invalidita" char(1),
	"necessita_interventi_sociali" text[] DEFAULT '{}'::text[] NOT NULL,
	"invalidita_civile" text[] DEFAULT '{}'::text[] NOT NULL,
	"codice_comune_residenza" char(6),
	"codice_regione_residenza" char(2),
	"annullata" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "valutazione_sina_chiave_naturale" UNIQUE("ente_codice","persona_id","protocollo_domanda","codice_prestazione","data_valutazione"),
	CONSTRAINT "valutazione_sina_mobilita" CHECK ("sina"."valutazione_sina"."mobilita" in ('1', '2', '3')),
	CONSTRAINT "valutazione_sina_avq" CHECK ("sina"."valutazione_sina"."attivita_vita_quotidiana" in ('1', '2', '3')),
	CONSTRAINT "valutazione_sina_cognitiva" CHECK ("sina"."valutazione_sina"."disturbi_area_cognitiva" in ('1', '2', '3')),
	CONSTRAINT "valutazione_sina_comportamentali" CHECK ("sina"."valutazione_sina"."disturbi_comportamentali" in ('1', '2')),
	CONSTRAINT "valutazione_sina_cure_sanitarie" CHECK ("sina"."valutazione_sina"."necessita_cure_sanitarie" in ('1', '2', '3')),
	CONSTRAINT "valutazione_sina_area_reddituale" CHECK ("sina"."valutazione_sina"."area_reddituale" in ('1', '2', '3')),
	CONSTRAINT "valutazione_sina_area_supporto" CHECK ("sina"."valutazione_sina"."area_supporto" in ('1', '2', '3')),
	CONSTRAINT "valutazione_sina_fonte_valutazione" CHECK ("sina"."valutazione_sina"."fonte_derivazione_valutazione" in ('1', '2', '3', '4')),
	CONSTRAINT "valutazione_sina_strumento" CHECK ("sina"."valutazione_sina"."strumento_valutazione" in ('1', '2', '3', '4', '5', '6', '7')),
	CONSTRAINT "valutazione_sina_fonte_invalidita" CHECK ("sina"."valutazione_sina"."fonte_derivazione_invalidita" in ('1', '2')),
	CONSTRAINT "valutazione_sina_necessita" CHECK (array_position("sina"."valutazione_sina"."necessita_interventi_sociali", null) is null and array_to_string("sina"."valutazione_sina"."necessita_interventi_sociali", ',') ~ '^([A-Z][0-9][.][0-9]{2}(,[A-Z][0-9][.][0-9]{2})*)?$'),
	CONSTRAINT "valutazione_sina_invalidita" CHECK ("sina"."valutazione_sina"."invalidita_civile" <@ '{1,2,3,4,5,6,7,8}'::text[]),
	CONSTRAINT "valutazione_sina_comune" CHECK ("sina"."valutazione_sina"."codice_comune_residenza" ~ '^[0-9]{6}$'),
	CONSTRAINT "valutazione_sina_regione" CHECK ("sina"."valutazione_sina"."codice_regione_residenza" ~ '^[0-9]{2}$')
);
--> statement-breakpoint
CREATE INDEX "valutazione_sina_persona" ON "sina"."valutazione_sina" USING btree ("persona_id","data_valutazione","id");--> statement-breakpoint
CREATE INDEX "valutazione_sina_elenco" ON "sina"."valutazione_sina" USING btree ("data_valutazione","id") WHERE not "sina"."valutazione_sina"."annullata";--> statement-breakpoint
CREATE INDEX "valutazione_sina_elenco_regione" ON "sina"."valutazione_sina" USING btree ("codice_regione_residenza","data_valutazione","id") WHERE not "sina"."valutazione_sina"."annullata";--> statement-breakpoint
CREATE INDEX "valutazione_sina_elenco_comune" ON "sina"."valutazione_sina" USING btree ("codice_comune_residenza","data_valutazione","id") WHERE not "sina"."valutazione_sina"."annullata";--> statement-breakpoint
CREATE INDEX "valutazione_sina_elenco_ente" ON "sina"."valutazione_sina" USING btree ("ente_codice","data_valutazione","id") WHERE not "sina"."valutazione_sina"."annullata";--> statement-breakpoint
CREATE INDEX "valutazione_sina_prestazione" ON "sina"."valutazione_sina" USING btree ("prestazione_id");