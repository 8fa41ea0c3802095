-- A number that changes whenever a name pages show changes: any insert, update or
-- delete of a region, site, service or employee, whichever path wrote it. An instance
-- keeps the names it read and reads them again only when this number moved (one small
-- read instead of hundreds of rows on every page), and several instances stay right.
ALTER TABLE organisations ADD COLUMN names_version BIGINT NOT NULL DEFAULT 0;
CREATE FUNCTION bump_names_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE organisations SET names_version = names_version + 1 WHERE id = OLD.org_id;
  ELSE
    UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER regions_names AFTER INSERT OR UPDATE OR DELETE ON regions
  FOR EACH ROW EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER sites_names AFTER INSERT OR UPDATE OR DELETE ON sites
  FOR EACH ROW EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER services_names AFTER INSERT OR UPDATE OR DELETE ON services
  FOR EACH ROW EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER employees_names AFTER INSERT OR UPDATE OR DELETE ON employees
  FOR EACH ROW EXECUTE FUNCTION bump_names_version();
