-- The access log is append-only, and the database itself says so: any UPDATE,
-- DELETE or TRUNCATE of accessi.accesso is refused, whoever the connection is
-- (the table's owner included). Statement-level triggers, so that even a statement
-- touching no row is refused. Only someone allowed to drop or disable the triggers
-- (the owner, a superuser) can change a row; the hash chain shows that they did
-- (`pnpm --filter @casellario/accessi verifica`).
CREATE FUNCTION "accessi"."rifiuta_modifica_accesso"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'accessi.accesso è in sola aggiunta: % non consentito', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "accesso_sola_aggiunta"
  BEFORE UPDATE OR DELETE ON "accessi"."accesso"
  FOR EACH STATEMENT EXECUTE FUNCTION "accessi"."rifiuta_modifica_accesso"();
--> statement-breakpoint
CREATE TRIGGER "accesso_no_truncate"
  BEFORE TRUNCATE ON "accessi"."accesso"
  FOR EACH STATEMENT EXECUTE FUNCTION "accessi"."rifiuta_modifica_accesso"();
