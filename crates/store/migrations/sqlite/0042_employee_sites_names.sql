-- Where each employee works is shown beside their name (the employees' chooser keeps only
-- those of the user's sites), so a change of it moves `names_version` too (0039), whichever
-- path wrote it.
CREATE TRIGGER employee_sites_names_insert AFTER INSERT ON employee_sites BEGIN
  UPDATE organisations SET names_version = names_version + 1
    WHERE id = (SELECT org_id FROM employees WHERE id = NEW.employee_id); END;
CREATE TRIGGER employee_sites_names_update AFTER UPDATE ON employee_sites BEGIN
  UPDATE organisations SET names_version = names_version + 1
    WHERE id = (SELECT org_id FROM employees WHERE id = NEW.employee_id); END;
CREATE TRIGGER employee_sites_names_delete AFTER DELETE ON employee_sites BEGIN
  UPDATE organisations SET names_version = names_version + 1
    WHERE id = (SELECT org_id FROM employees WHERE id = OLD.employee_id); END;
