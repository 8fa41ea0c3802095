-- Where each employee works is shown beside their name (the employees' chooser keeps only
-- those of the user's sites), so a change of it moves `names_version` too (0039), whichever
-- path wrote it.
CREATE FUNCTION bump_names_version_of_employee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE organisations SET names_version = names_version + 1
      WHERE id = (SELECT org_id FROM employees WHERE id = OLD.employee_id);
  ELSE
    UPDATE organisations SET names_version = names_version + 1
      WHERE id = (SELECT org_id FROM employees WHERE id = NEW.employee_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER employee_sites_names AFTER INSERT OR UPDATE OR DELETE ON employee_sites
  FOR EACH ROW EXECUTE FUNCTION bump_names_version_of_employee();
