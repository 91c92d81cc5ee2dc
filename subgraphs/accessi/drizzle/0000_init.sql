CREATE SCHEMA "accessi";
--> statement-breakpoint
CREATE TABLE "accessi"."accesso" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"istante" timestamp with time zone NOT NULL,
	"subgraph" varchar(40) NOT NULL,
	"operatore" varchar(64) NOT NULL,
	"ruolo" varchar(16) NOT NULL,
	"ente" varchar(32) NOT NULL,
	"riferimento" varchar(64),
	"soggetto_tipo" varchar(20) NOT NULL,
	"soggetto_id" varchar(80) NOT NULL,
	"campi" text[] NOT NULL,
	"request_id" varchar(64) NOT NULL,
	"hash_precedente" char(64) NOT NULL,
	"hash" char(64) NOT NULL,
	CONSTRAINT "accesso_seq" CHECK ("accessi"."accesso"."seq" >= 1),
	CONSTRAINT "accesso_soggetto_tipo" CHECK ("accessi"."accesso"."soggetto_tipo" ~ '^[a-z][a-z-]{0,19}$'),
	CONSTRAINT "accesso_persona" CHECK ("accessi"."accesso"."soggetto_tipo" <> 'persona' or "accessi"."accesso"."soggetto_id" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
	CONSTRAINT "accesso_campi" CHECK (cardinality("accessi"."accesso"."campi") >= 1),
	CONSTRAINT "accesso_hash" CHECK ("accessi"."accesso"."hash" ~ '^[0-9a-f]{64}$' and "accessi"."accesso"."hash_precedente" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "accesso_soggetto" ON "accessi"."accesso" USING btree ("soggetto_tipo","soggetto_id","seq");--> statement-breakpoint
CREATE INDEX "accesso_operatore" ON "accessi"."accesso" USING btree ("operatore","seq");--> statement-breakpoint
CREATE INDEX "accesso_ente" ON "accessi"."accesso" USING btree ("ente","seq");--> statement-breakpoint
CREATE INDEX "accesso_istante" ON "accessi"."accesso" USING btree ("istante");