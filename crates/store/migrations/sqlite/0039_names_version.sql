-- A number that changes whenever a name pages show changes: any insert, update or
-- delete of a region, site, service or employee, whichever path wrote it. An instance
-- keeps the names it read and reads them again only when this number moved (one small
-- read instead of hundreds of rows on every page), and several instances stay right.
ALTER TABLE organisations ADD COLUMN names_version BIGINT NOT NULL DEFAULT 0;
CREATE TRIGGER regions_names_insert AFTER INSERT ON regions BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER regions_names_update AFTER UPDATE ON regions BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER regions_names_delete AFTER DELETE ON regions BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = OLD.org_id; END;
CREATE TRIGGER sites_names_insert AFTER INSERT ON sites BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER sites_names_update AFTER UPDATE ON sites BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER sites_names_delete AFTER DELETE ON sites BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = OLD.org_id; END;
CREATE TRIGGER services_names_insert AFTER INSERT ON services BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER services_names_update AFTER UPDATE ON services BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER services_names_delete AFTER DELETE ON services BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = OLD.org_id; END;
CREATE TRIGGER employees_names_insert AFTER INSERT ON employees BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER employees_names_update AFTER UPDATE ON employees BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER employees_names_delete AFTER DELETE ON employees BEGIN
  UPDATE organisations SET names_version = names_version + 1 WHERE id = OLD.org_id; END;
