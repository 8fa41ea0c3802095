-- When each employee's station last asked a terminal for a rating: a terminal's answer
-- may name that employee for a week after (answers queued offline arrive late), and no
-- other employee of the organisation unless the terminal offers its site's staff.
CREATE TABLE terminal_asks (
    terminal_id BLOB NOT NULL REFERENCES terminals(id) ON DELETE CASCADE,
    employee_id BLOB NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    asked_at BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, employee_id)
);
INSERT INTO terminal_asks (terminal_id, employee_id, asked_at)
SELECT id, asked_employee_id, COALESCE(asked_at, 0) FROM terminals WHERE asked_employee_id IS NOT NULL;
