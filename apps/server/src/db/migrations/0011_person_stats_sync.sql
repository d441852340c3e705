-- person_stats follows persons row by row, whoever writes them (services, imports, merges).
CREATE OR REPLACE FUNCTION person_stats_sync() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM person_stats WHERE person_id = OLD.id;
    RETURN OLD;
  END IF;
  INSERT INTO person_stats (person_id, org_id, district_id, population_type, sex, birth_year, has_disability)
  VALUES (NEW.id, NEW.org_id, NEW.district_id, NEW.population_type, NEW.sex,
    extract(year FROM NEW.birth_date)::int, NEW.has_disability)
  ON CONFLICT (person_id) DO UPDATE SET org_id = excluded.org_id, district_id = excluded.district_id,
    population_type = excluded.population_type, sex = excluded.sex, birth_year = excluded.birth_year,
    has_disability = excluded.has_disability;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER persons_stats_sync AFTER INSERT OR UPDATE OF org_id, district_id, population_type, sex, birth_date, has_disability OR DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION person_stats_sync();
--> statement-breakpoint
INSERT INTO person_stats (person_id, org_id, district_id, population_type, sex, birth_year, has_disability)
SELECT id, org_id, district_id, population_type, sex, extract(year FROM birth_date)::int, has_disability FROM persons
ON CONFLICT (person_id) DO NOTHING;
