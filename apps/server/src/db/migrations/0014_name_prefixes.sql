-- Every name key and each of its beginnings of three letters or more (a shorter key is kept
-- whole): what a search by name matches, so "Жумаба" finds Жумабаев. Immutable, for the
-- generated columns below; written in SQL so that PGlite and PostgreSQL run the same thing.
CREATE FUNCTION komek_name_prefixes(keys text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT coalesce(array_agg(DISTINCT left(k, n) ORDER BY left(k, n)), '{}'::text[])
    FROM unnest(keys) AS k, generate_series(least(3, length(k)), length(k)) AS n
    WHERE length(k) > 0
  $$;--> statement-breakpoint
DROP INDEX "cases_person_keys_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "person_prefixes" text[] GENERATED ALWAYS AS (komek_name_prefixes(person_keys)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "name_prefixes" text[] GENERATED ALWAYS AS (komek_name_prefixes(name_keys)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_person_prefixes_idx" ON "cases" USING gin ("person_prefixes");--> statement-breakpoint
CREATE INDEX "persons_name_prefixes_idx" ON "persons" USING gin ("name_prefixes");